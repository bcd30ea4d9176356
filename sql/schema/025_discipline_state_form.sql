-- discipline.state_form: the State's discipline of the same person a register gives beside the
-- Party's ("Hình thức kỷ luật chính quyền": khien_trach, canh_cao, ha_bac_luong, giang_chuc,
-- cach_chuc, buoc_thoi_viec). RULES.md, Rules change: under NĐ 335 a civil servant disciplined
-- (reprimand or above) in the year is rated incomplete — R2 reads it for the civil-servant rating;
-- a row with the State's discipline only has form 'none' (no Party discipline). Rows stored before:
-- none, as they were read (a row of the State's only was not stored).
alter table discipline add column if not exists state_form varchar;
create or replace view discipline_current as select * from discipline where superseded_by is null;
