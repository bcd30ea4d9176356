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
-- Set-based, over sets of units, never pairs: one walk back (predecessors and sub-units), then
-- what does not count found backwards from where the walks forward end. The registry is read
-- once per walk step; the rest works on the few thousand units reached. (A walk per candidate,
-- and tests per candidate row, took 30 s for a province of a national registry.)
-- Used by src/lib/server/queries/scope.ts, which keeps the result until the next registry load.
with recursive
entry as (
    select ltrim(p, '!') as prefix, not starts_with(p, '!') as included
    from (select unnest(from_json($within, '["VARCHAR"]')) as p)
),

-- the units now under the root that the caller may see
here as materialized (
    select u.code
    from unit u
    where starts_with(u.path, $path)
      and (select arg_max(e.included, length(e.prefix)) from entry e where starts_with(u.path, e.prefix))
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

-- the lineage out of the units reached back: all that the steps below read of it
lin as materialized (
    select l.from_code, l.to_code from unit_lineage l semi join back b on b.code = l.from_code
),

candidate as materialized (
    select u.code, u.name, u.path, u.parent_code
    from unit u
    where u.code in (select code from back)
      and u.path is not null
      and u.code not in (select code from here)
),

-- one step forward from a unit reached back, not here: its successors, or without any, its parent
-- (a unit reached back by being under one goes up into it; one reached as a predecessor has
-- successors: so a step leaves what was reached back only to a successor elsewhere)
step as materialized (
    select from_code as code, to_code as next
    from lin
    where from_code not in (select code from here)
    union all
    select code, parent_code
    from candidate
    where parent_code is not null and code not in (select from_code from lin)
),

-- the units reached back that end up anywhere but here: a dead end (dissolved, a root), a step out
-- of what was reached back (a successor elsewhere: nothing out there leads here, or it would have
-- been reached back), or a step to one of these
lost_node(code) as (
    select b.code from back b
    where b.code not in (select code from here) and b.code not in (select code from step)
    union
    select s.code from step s
    where s.next not in (select code from here) and s.next not in (select code from back)
    union
    select s.code from lost_node x join step s on s.next = x.code
),

lost as materialized (
    select code from candidate semi join lost_node using (code)
),

-- the unit's own predecessors (renamed from, merged from, ... to any depth)
own(code) as (
    select from_code from lin where to_code = $code
    union
    select l.from_code from lin l join own o on l.to_code = o.code
),

-- what counts: the units here and the candidates not lost
arrived as materialized (
    select code from here
    union all
    select code from candidate anti join lost using (code)
),

-- left out, though part of it came here: the page names it
partial as (
    select distinct l.from_code as code
    from lin l
    semi join arrived a on a.code = l.to_code
    semi join lost x on x.code = l.from_code
),

final as (
    select
        c.code,
        c.name,
        c.path,
        c.code not in (select code from lost) as included,
        c.parent_code in (select code from arrived) as parent_included,
        c.code in (select from_code from lin) as is_predecessor,
        c.code in (select code from own) as is_own,
        c.code in (select code from partial) as is_partial
    from candidate c
)

select * from final
