-- unit_children: the direct sub-units of the units in $codes (a unit and its lineage predecessors,
-- a JSON array) with, for $year, the members rated in their subtree
-- and how many "Hoàn thành xuất sắc nhiệm vụ", the sub-unit's own level as a party organisation,
-- and the findings in force about units of its subtree. One row per sub-unit.
-- Reads mart_unit_year (yearly rounds).
with child as (
    select id, code, name, kind, parent_code, path, locality, founded_on, dissolved_on
    from unit
    where list_contains(from_json($codes, '["VARCHAR"]'), parent_code)
      and path is not null
),

subtree as (
    select
        c.id,
        sum(m.members_rated)::integer as rated,
        sum(m.excellent)::integer as excellent,
        sum(m.findings)::integer as findings,
        max(m.org_level) filter (where m.unit_id = c.id) as own_level
    from child c
    join unit u on starts_with(u.path, c.path)
    join mart_unit_year m on m.unit_id = u.id
    where m.year = $year
    group by c.id
),

final as (
    select
        c.code,
        c.name,
        c.kind,
        c.parent_code,
        c.locality,
        cast(c.founded_on as varchar) as founded_on,
        cast(c.dissolved_on as varchar) as dissolved_on,
        coalesce(s.rated, 0) as rated,
        coalesce(s.excellent, 0) as excellent,
        s.own_level,
        coalesce(s.findings, 0) as findings
    from child c
    left join subtree s on s.id = c.id
)

select * from final
