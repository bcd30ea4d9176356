-- unit_history: the units whose past belongs to a unit's history (RULES.md: trends follow merges,
-- splits and renames), for the unit at $path as the caller may see it ($within: the caller's view
-- entries, a JSON array of path prefixes, '!' before an excluded one; the longest match decides).
-- Followed back: the predecessors of the unit AND of every unit under it, to any depth, with their
-- own sub-units. A past unit counts only when everything it became is here: each of its successors
-- (all of them: a unit split between this one and another counts for neither, only its parts that
-- came here do), or, with no successor of its own, its parent (a chi bộ goes where its đảng bộ
-- went). A predecessor still a unit under $path is not counted twice: it is here already.
-- Grain: one row per past unit reached ("candidate"), with whether it counts (included), whether
-- its parent counts (the caller keeps only the rows that differ, as path prefixes), whether it is
-- a lineage predecessor (a from_code), one of the unit's own ($code) and one left out though part
-- of it came here (is_partial), for the page to name what was followed or left out.
-- Set-based: two recursive walks over unit_lineage and unit.parent_code, no per-unit loop.
-- Used by src/lib/server/queries/scope.ts.
with recursive
entry as (
    select ltrim(p, '!') as prefix, not starts_with(p, '!') as included
    from (select unnest(from_json($within, '["VARCHAR"]')) as p)
),

-- the units now under the root that the caller may see
here as (
    select u.code
    from unit u
    where starts_with(u.path, $path)
      and (select arg_max(e.included, length(e.prefix)) from entry e where starts_with(u.path, e.prefix))
),

-- one step of what a unit became: its successors, or without any, its parent
became as (
    select from_code as code, to_code as next from unit_lineage
    union all
    select u.code, u.parent_code from unit u
    where u.path is not null and not exists (select 1 from unit_lineage l where l.from_code = u.code)
),

-- walking back: the predecessors of the units here, their predecessors and their sub-units
back(code) as (
    select l.from_code from unit_lineage l semi join here h on h.code = l.to_code
    union
    select e.code
    from back b
    join (select from_code as code, to_code as up from unit_lineage
          union all
          select code, parent_code from unit where path is not null) e on e.up = b.code
),

candidate as (
    select u.code, u.name, u.path, u.parent_code
    from back b
    join unit u on u.code = b.code
    where u.path is not null and u.code not in (select code from here)
),

-- walking forward from each candidate to where it ended up; the walk stops on reaching here
walk(start, node) as (
    select code, code from candidate
    union
    select w.start, s.next
    from walk w
    join became s on s.code = w.node
    where s.next is not null
      and w.node not in (select code from here)
),

-- a candidate that ends up anywhere but here (a successor elsewhere, a dissolution, the root)
lost as (
    select distinct w.start as code
    from walk w
    left join became s on s.code = w.node and s.next is not null
    where s.code is null
      and w.node not in (select code from here)
),

-- the unit's own predecessors (renamed from, merged from, ... to any depth)
own(code) as (
    select from_code from unit_lineage where to_code = $code
    union
    select l.from_code from unit_lineage l join own o on l.to_code = o.code
),

final as (
    select
        c.code,
        c.name,
        c.path,
        c.code not in (select code from lost) as included,
        (c.parent_code in (select code from here)
            or (c.parent_code in (select code from candidate) and c.parent_code not in (select code from lost))) as parent_included,
        c.code in (select from_code from unit_lineage) as is_predecessor,
        c.code in (select code from own) as is_own,
        -- left out, though part of it came here: the page names it
        c.code in (select code from lost)
            and exists (select 1 from unit_lineage l
                        where l.from_code = c.code
                          and (l.to_code in (select code from here)
                               or (l.to_code in (select code from candidate) and l.to_code not in (select code from lost)))) as is_partial
    from candidate c
)

select * from final
