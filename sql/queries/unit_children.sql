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

-- the year's units, each under every code of its path (its ancestors and itself): an equality
-- join with the children, where a path prefix test compared each child with every unit
under as (
    select m.*, unnest(string_split(trim(u.path, '/'), '/')) as ancestor_code
    from mart_unit_year m
    join unit u on u.id = m.unit_id
    where m.year = $year
),

subtree as (
    select
        c.id,
        sum(m.members_rated)::integer as rated,
        sum(m.excellent)::integer as excellent,
        sum(m.findings)::integer as findings,
        max(m.org_level) filter (where m.unit_id = c.id) as own_level
    from child c
    join under m on m.ancestor_code = c.code
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
