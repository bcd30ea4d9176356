-- unit_children: the direct sub-units of $code with, for $year, the members rated in their subtree
-- (annual period) and how many "Hoàn thành xuất sắc nhiệm vụ", the sub-unit's own annual level as a
-- party organisation, and the findings in force (flagged) about units of its subtree.
-- One row per sub-unit; reads cur (current_findings.sql) for the findings.
with child as (
    select id, code, name, kind, path, locality, founded_on, dissolved_on
    from unit
    where parent_code = $code
      and path is not null
),

members as (
    select
        c.id,
        count(*)::integer as rated,
        count(*) filter (where r.final_level = 4)::integer as excellent
    from child c
    join unit u on starts_with(u.path, c.path)
    join rating_current r on r.unit_id = u.id
    where r.period_year = $year
      and r.period_kind = 'year'
      and r.subject_kind = 'member'
      and r.final_level is not null
    group by c.id
),

own as (
    select
        r.subject_unit_id as id,
        max(r.final_level) as own_level
    from rating_current r
    join child c on c.id = r.subject_unit_id
    where r.period_year = $year
      and r.period_kind = 'year'
      and r.subject_kind = 'party_org'
    group by r.subject_unit_id
),

findings as (
    select
        c.id,
        count(*)::integer as findings
    from child c
    join cur f on starts_with(f.unit_path, c.path)
    where f.year = $year
      and f.status = 'flagged'
    group by c.id
),

final as (
    select
        c.code,
        c.name,
        c.kind,
        c.locality,
        cast(c.founded_on as varchar) as founded_on,
        cast(c.dissolved_on as varchar) as dissolved_on,
        coalesce(m.rated, 0) as rated,
        coalesce(m.excellent, 0) as excellent,
        o.own_level,
        coalesce(f.findings, 0) as findings
    from child c
    left join members m on m.id = c.id
    left join own o on o.id = c.id
    left join findings f on f.id = c.id
)

select * from final
