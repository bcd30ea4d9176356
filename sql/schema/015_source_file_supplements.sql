-- supplements: the file is a supplementary list ("DANH SÁCH BỔ SUNG …", "(BỔ SUNG)" in its title, or
-- "bổ sung" in its name): its rows add to the current version of their list instead of replacing it
-- (rating.sql, supersede). Set when a rating list is loaded; files loaded before: not known, false.
alter table source_file add column supplements boolean default false;
