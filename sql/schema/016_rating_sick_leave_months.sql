-- rating.sick_leave_months: sick leave written in months ("3 tháng", a "Nghỉ ốm (tháng)" column,
-- the "3" of "3 tháng 5 ngày"), kept as written; sick_leave_days holds only the days written beside
-- it. R6 turns months into days with its rulebook's days_per_month, not the ingest (which used 30).
-- Rows stored before this column: months already counted as 30 days in sick_leave_days, months null.
alter table rating add column sick_leave_months decimal(6, 2);
