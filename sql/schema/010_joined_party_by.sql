-- An admission written as a bare year or a month ("2024", "03/2015") is stored as its first day in
-- joined_party_on (the earliest it can be) and its last day in joined_party_by (31/12, the month's
-- end); a full date is both. A rule that owes something only of members admitted long enough ago
-- (R4) reads joined_party_by, one that flags a member admitted too recently (R7) joined_party_on:
-- neither flags a unit on a day the list never gave. Rows stored before this column: their date
-- is taken as written in full (what was known of it is gone).
alter table person add column joined_party_by date;
alter table membership add column joined_party_by date;
update person set joined_party_by = joined_party_on;
update membership set joined_party_by = joined_party_on;
