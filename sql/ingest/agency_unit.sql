-- agency_unit: where the name of a state agency or a locality places a person in the party
-- registry, for lists that name people by their agency, not their party unit: a civil-servant list
-- (identity.sql looks for its people there) and a leaders' list whose unit cell names an agency,
-- "UBND xã A" (rating.sql files the leader there) — one reading of an agency for both. Run by
-- load.ts after the caller's step that fills temp table agency_ref(agency, year); reads the variable
-- scope_path.
-- agency_unit(agency, year, unit_id, n): the party unit an agency places its people in, by the
-- agencies it names — each part of agency: the chi bộ / đảng bộ bearing the
-- agency's name ("Trường Tiểu học Bù Đăng": Chi bộ Trường Tiểu học Bù Đăng), else the đảng bộ of
-- the locality after its last level word ("UBND xã Bù Đăng, huyện Bù Đăng": Đảng bộ xã Bù Đăng);
-- the units alive in the year when some are; of the parts that find one unit, the deepest. n: how
-- many units the agency could be (0: none, > 1: several; unit_id null unless one). A province is
-- no such locality ("UBND TỈNH …"): a name and a birth year are no evidence across a province.
create or replace temp table agency_unit as
with parts as (
    -- distinct: a title repeating the cell's agency ("TRƯỜNG TIỂU HỌC ĐOÀN KẾT" above a column of
    -- "Trường Tiểu học Đoàn Kết") is one part, not two hits of the same unit counted as two units
    select distinct agency, year, unit_key(trim(p)) as k
    from (select agency, year, unnest(string_split(agency, ' / ')) as p
          from (select distinct agency, year from agency_ref where agency is not null))
),
localised as (
    select *, regexp_extract(regexp_replace(k, '\s*(,|\(|\s[-–]\s)\s*(huyen|tinh|thi xa|thanh pho|quan)\b.*$', ''),
        '^(.*\s)?(thi tran|thi xa|thanh pho|xa|phuong|huyen|quan)\s+(.*[a-z0-9])', ['before', 'level', 'place']) as m
    from parts
),
keyed as (
    -- (the greedy search finds "xã" in "thị xã")
    select agency, year, k,
        nullif(case when m.level = 'xa' and ends_with(m.before, 'thi ') then 'thi xa' else m.level end || ' ' || m.place, ' ') as loc
    from localised
),
units as (
    select id, path, depth, founded_on, dissolved_on, name_key,
        nullif(regexp_extract(name_key, '^dang bo ((thi tran|thi xa|thanh pho|xa|phuong|huyen|quan) .+)$', 1), '') as loc
    from unit
    where starts_with(path, getvariable('scope_path'))
),
hits as (
    select k.agency, k.year, k.k, 1 as pref, u.id, u.path, u.depth, u.founded_on, u.dissolved_on
    from (select *, unnest(['chi bo ' || k, 'dang bo ' || k]) as nk from keyed) k
    join units u on u.name_key = k.nk
    union all
    select k.agency, k.year, k.k, 2, u.id, u.path, u.depth, u.founded_on, u.dissolved_on
    from keyed k join units u on u.loc = k.loc
),
best as (
    select *, alive_in(founded_on, dissolved_on, year) as alive, alive_at_end(dissolved_on, year) as at_end
    from hits
    qualify pref = min(pref) over (partition by agency, year, k)
),
-- each part: the units it could be — those alive in the year, of those the ones alive at its end,
-- when some are (as resolve_units.sql narrows a name: "UBND XÃ ĐÔNG NGŨ" on a list of December
-- 2025 is the commune formed on 01/07/2025, not the one of that name dissolved on 30/06)
part_unit as (
    select agency, year, k, count(distinct id) as n, min(id) as id, min(path) as path, min(depth) as depth
    from (
        select * from best
        qualify (alive and (at_end or count(*) filter (where alive and at_end) over (partition by agency, year, k) = 0))
             or count(*) filter (where alive) over (partition by agency, year, k) = 0
    )
    group by all
),
-- the deepest of the parts that name one unit, if it lies within each of the others (a school of
-- another commune than the title's is not the list's)
deepest as (
    select d.agency, d.year, count(distinct d.id) as n, min(d.id) as id
    from part_unit d
    where d.n = 1
      and not exists (select 1 from part_unit o where o.agency = d.agency and o.year is not distinct from d.year and o.n = 1 and not starts_with(d.path, o.path))
    group by d.agency, d.year, d.depth
    qualify d.depth = max(d.depth) over (partition by d.agency, d.year)
)
select a.agency, a.year, case when d.n = 1 then d.id end as unit_id,
    -- (parts naming units that do not nest: as many as they name)
    coalesce(d.n, nullif(nullif((select count(distinct p.id) filter (where p.n = 1) from part_unit p where p.agency = a.agency and p.year is not distinct from a.year), 1), 0),
        (select max(p.n) from part_unit p where p.agency = a.agency and p.year is not distinct from a.year), 0) as n
from (select distinct agency, year from parts) a
left join deepest d on d.agency = a.agency and d.year is not distinct from a.year;
