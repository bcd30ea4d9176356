-- period_discipline: the current disciplinary decisions dated in the audited period (a violation
-- counts once, in the period of its decision), with the file they came from. Read by R2 and R10;
-- made once per run by runner.ts, as a temp table.
-- A unit renamed since (a chi bộ of a commune merged in July 2025, renamed in its successor,
-- unit_lineage kind 'rename'): its discipline is its new name's too — the same organisation, whose
-- rating of the year R2 caps and whose đảng bộ R10 holds to it.
with period as (
    select d.*
    from discipline_current d
    where d.decided_on between getvariable('period_start') and getvariable('period_end')
),
-- (the period's few disciplined units first: joined the other way, the lineage and the registry were
-- hashed in every run, 0,1 s a period)
renamed as (
    select f.id as from_id, min(t.id) as to_id
    from (select u.id, u.code, u.dissolved_on from unit u
          semi join (select subject_unit_id as id from period union select unit_id from period) p on p.id = u.id) f
    join unit_lineage l on l.from_code = f.code and l.kind = 'rename'
    join unit t on t.code = l.to_code
    where coalesce(l.effective_on, f.dissolved_on) <= getvariable('period_end')
    group by f.id
    having count(distinct t.id) = 1
),
d as (
    select d.subject_type, d.collective, d.person_id, d.subject_unit_id, d.unit_id, d.decided_on, d.form, d.state_form, d.self_remedied, d.position,
        d.source_row, sf.file_name, rs.to_id as subject_renamed, ru.to_id as unit_renamed
    from period d
    left join source_file sf on sf.id = d.source_file_id
    left join renamed rs on rs.from_id = d.subject_unit_id
    left join renamed ru on ru.from_id = d.unit_id
)
-- (a member's: where the violation counts, under the unit's name now; one row a decision)
-- (collective: of an organisation's, 'leadership' when its leadership collective was disciplined)
select subject_type, collective, person_id, subject_unit_id, if(subject_type = 'person', coalesce(unit_renamed, unit_id), unit_id) as unit_id,
    decided_on, form, state_form, self_remedied, position, source_row, file_name, false as renamed_copy,
    coalesce(subject_renamed, subject_unit_id) as canon_unit_id
from d
union all
-- … and an organisation's under its new name too (a list of the year may still rate it under the old)
-- (renamed_copy: a decision counted once where both names sit under one đảng bộ, R10; canon_unit_id:
-- the unit under its name now, which R2's share counts once)
select subject_type, collective, person_id, subject_renamed, coalesce(unit_renamed, unit_id), decided_on, form, state_form, self_remedied, position, source_row, file_name, true,
    subject_renamed
from d
where subject_type = 'unit' and subject_renamed is not null
