-- period_discipline: the current disciplinary decisions dated in the audited period (a violation
-- counts once, in the period of its decision), with the file they came from. Read by R2 and R10;
-- made once per run by runner.ts, as a temp table.
select
    d.subject_type,
    d.person_id,
    d.subject_unit_id,
    d.unit_id,
    d.decided_on,
    d.form,
    d.self_remedied,
    d.source_row,
    sf.file_name
from discipline_current d
left join source_file sf on sf.id = d.source_file_id
where d.decided_on between getvariable('period_start') and getvariable('period_end')
