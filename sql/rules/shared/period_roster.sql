-- period_roster: the current roster rows of the audited period's year (membership is yearly).
-- Read by R3 (heads), R2 and R10 (heads and committee seats, by position), R4 (who owes a rating) and R7 (admission dates); a view, made once
-- per run by runner.ts: each rule reads it once and only the columns it needs.
select
    m.person_id,
    m.unit_id,
    m.status,
    m.is_head,
    m.position,
    m.joined_party_on,
    m.joined_party_by,
    m.joined_unit_on,
    m.source_file_id,
    m.source_row
from membership_current m
where m.year = getvariable('period_year')
