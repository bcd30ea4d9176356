-- rating.agency_unit_id: a civil-servant row with no party unit (a school's or a People's
-- Committee's list, an agency column or title and no Chi bộ column): the party unit its agency is
-- placed in — identity.sql's agency_unit, the unit whose people it is looked for among ("UBND XÃ
-- ĐOÀN KẾT": Đảng bộ xã Đoàn Kết; "Trường Tiểu học Đoàn Kết": the chi bộ of that name). R1 counts
-- such a list within its agency and R4 judges its date under that unit, whose scope its findings
-- take; null when the agency places it nowhere (or in several units: the ingest warns) and on rows
-- stored before this column (their list, loaded again after a change, is placed).
alter table rating add column agency_unit_id integer;
