-- period_rating: the current ratings of the audited period (period_year, period_kind, period_no),
-- rated or not (final_level null: a not-rated row, which R4 reads), with the columns the rules use.
-- runner.ts makes it once per run, as a temp view on the run's connection (copied into a temp table
-- when the period has few ratings: a quarter), before the rules; every
-- rule reads it instead of filtering rating_current itself. Only R3 reads ratings beyond the period
-- (a "Ngày chuyển đến" on any list of the year).
select
    r.id,
    r.subject_kind,
    r.subject_kind = 'civil_servant' as is_cs,
    r.person_id,
    r.subject_unit_id,
    r.unit_id,
    r.deciding_unit_id,
    r.is_head,
    r.group_name,
    r.agency,
    r.agency_unit_id,
    r.final_level,
    r.civil_servant_level,
    r.score,
    r.decided_on,
    r.reviewed_on,
    r.sick_leave_days,
    r.sick_leave_months,
    r.sick_leave_is_absence,
    r.not_rated_reason,
    r.source_file_id,
    r.source_row
from rating_current r
where r.period_year = getvariable('period_year')
  and r.period_kind = getvariable('period_kind')
  and r.period_no = getvariable('period_no')
