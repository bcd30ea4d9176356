-- rating.sick_leave_is_absence: the leave in sick_leave_days / sick_leave_months is absence from work
-- ("Thời gian vắng mặt", "Số ngày nghỉ việc", a note's "Vắng mặt 4 tháng trong năm"), not sick
-- leave. NĐ 90 caps a civil servant absent 3 months or more (RULES.md, "Rules change"); the member
-- rule (R6, 003 §5.8) is sick leave only, so R6 counts it for civil-servant ratings alone.
-- Rows stored before this column: sick leave, as they were read.
alter table rating add column if not exists sick_leave_is_absence boolean default false;
create or replace view rating_current as select * from rating where superseded_by is null;
