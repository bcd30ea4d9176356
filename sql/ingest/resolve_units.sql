-- resolve_units: every unit a file names (a staged row's own unit and deciding body, its title's
-- units, --unit) is found in the registry by code, else by name (unit_key, accent-insensitive)
-- within the file's context (a title unit or --unit). Resolved once per distinct spelling, not per
-- row. The one place unit names are looked up: load.ts resolves titles through it too.
-- A row's "Đảng bộ" column beside its "Chi bộ" column (header.ts: field parent) narrows the
-- context: the chi bộ is looked up inside that đảng bộ only ("Chi bộ thôn 1" is a name of many).
-- Reads temp table unit_ref(role, code, name, parent, context_path, year) ('' for absent;
-- context_path the file's title unit or --unit, '/' for all; year the row's or the list's, null
-- when unknown); writes unit_hit: one row per reference, unit_id null when unknown (candidates =
-- 0) or ambiguous (> 1), or when its parent is (parent_id null, parent_candidates 0 or > 1); a
-- reference with a parent and no name is the parent; via_former: found as a unit that was inside the
-- context before a registry load moved it (unit_former). A tổ đảng found is its chi bộ (below).
create or replace temp table unit_hit as
with named as (
    select distinct role, code, name, parent, context_path, year
    from unit_ref
    where code <> '' or name <> '' or parent <> ''
),

-- the đảng bộ a parent cell names, within the file's context: by code, name, the looser key, else
-- its name without kind words ("Xã Minh Hưng", "Minh Hưng"), the closest key only
parent_refs as (
    select distinct parent, context_path, year, upper(clean(parent)) as ucode, unit_key(parent) as nkey,
        unit_loose_key(parent) as lkey, unit_bare_key(parent) as bkey
    from named
    where parent <> ''
),

parent_units as (
    select id, upper(code) as code, name_key, path, unit_loose_key(name) as lkey, unit_bare_key(name) as bkey, founded_on, dissolved_on
    from unit
    where exists (select 1 from parent_refs) and kind not in ('chi_bo_truc_thuoc', 'to_dang')
),

-- of đảng bộ sharing the name, as for the names below (lived): those alive in the row's year, of
-- those the ones alive at its end; all when none is alive
parent_hits as (
    select h.*,
        count(*) filter (where h.alive) over w as n_alive,
        count(*) filter (where h.alive and h.at_end) over w as n_end
    from (
        select p.parent, p.context_path, p.year, u.id, u.path,
            alive_in(u.founded_on, u.dissolved_on, p.year) as alive,
            alive_at_end(u.dissolved_on, p.year) as at_end
        from parent_refs p
        join parent_units u on u.code = p.ucode or u.name_key = p.nkey or u.lkey = p.lkey or u.bkey = p.bkey
        where starts_with(u.path, p.context_path) or starts_with(p.context_path, u.path)
        qualify rank() over (partition by p.parent, p.context_path, p.year
                             order by case when u.code = p.ucode then 1 when u.name_key = p.nkey then 2 when u.lkey = p.lkey then 3 else 4 end) = 1
    ) h
    window w as (partition by h.parent, h.context_path, h.year)
),

parents as (
    select parent, context_path, year, case when count(*) = 1 then min(id) end as parent_id,
        case when count(*) = 1 then min(path) end as parent_path, count(*)::int as parent_candidates
    from parent_hits
    where n_alive = 0 or (alive and (n_end = 0 or at_end))
    group by all
),

-- ref_id: one reference; search_path: where its name is looked for (its parent, else the context)
refs as (
    select
        row_number() over () as ref_id,
        n.*,
        coalesce(pa.parent_path, n.context_path) as search_path,
        pa.parent_id,
        coalesce(pa.parent_candidates, 0) as parent_candidates,
        upper(clean(n.code)) as ucode,
        unit_key(nullif(n.name, '')) as nkey,
        coalesce(clean(n.code), clean(n.name)) as raw
    from named n
    left join parents pa on pa.parent = n.parent and pa.context_path = n.context_path and pa.year is not distinct from n.year
),

units as (
    select id, upper(code) as code, name_key, path from unit
),

by_code as (
    select r.ref_id, u.id as unit_id
    from refs r
    join units u on u.code = r.ucode
),

-- (a parent that is nowhere, or several, leaves the name unlooked for: never found elsewhere)
name_refs as (
    select r.*
    from refs r
    anti join by_code b using (ref_id)
    where r.nkey is not null and (r.parent = '' or r.parent_id is not null)
),

-- (each key joined by equality: "name_key = nkey or name_key = 'chi bo ' || nkey" made a nested
-- loop over every unit, 6,5 s for 2 800 title names against a national registry); the name with its
-- bracketed or dashed part read as part of it too (unit_flat_key: "Chi bộ Thôn 4 (Nghĩa Bình)")
by_name as (
    select r.ref_id, u.id as unit_id
    from (select ref_id, search_path, unnest(list_distinct(list_filter([nkey, 'chi bo ' || nkey, unit_flat_key(name), 'chi bo ' || unit_flat_key(name)], lambda k: k is not null))) as k
          from name_refs) r
    join units u on u.name_key = r.k
    where starts_with(u.path, r.search_path)
       or starts_with(r.search_path, u.path)
),

-- names found nowhere, by the looser key on both sides ("CB thôn 01, xã X" is "Chi bộ thôn 1")
loose_refs as (
    select r.*, unit_loose_key(r.name) as lkey
    from name_refs r
    anti join by_name b using (ref_id)
),

-- (the units' loose keys computed once per distinct name: a national registry has 710 000 units
-- and 110 000 names)
by_loose_all as (
    select r.ref_id, u.id as unit_id, u.path, unit_parent_key(r.name) as pkey
    from (select ref_id, name, search_path, unnest([lkey, 'chi bo ' || lkey]) as k from loose_refs) r
    join (select un.id, un.path, n.lkey
          from (select name, unit_loose_key(name) as lkey
                from (select distinct name from unit where exists (select 1 from loose_refs))) n
          join unit un on un.name = n.name) u
        on u.lkey = r.k
    where starts_with(u.path, r.search_path)
       or starts_with(r.search_path, u.path)
),

-- the parent a name carries ("Chi bộ thôn 1, xã Minh Hưng") picks among units of that name: those
-- under a unit whose name ends with it
by_loose as (
    select ref_id, unit_id
    from (
        select b.*, b.pkey is not null and exists (
            select 1 from unit a where starts_with(b.path, a.path) and a.path <> b.path and ends_with(a.name_key, ' ' || b.pkey)) as parent_ok
        from by_loose_all b
    )
    qualify parent_ok or not bool_or(parent_ok) over (partition by ref_id)
),

-- a chi bộ named without its hamlet's kind ("CHI BỘ SƠN LANG", "Sơn Lang" for "Chi bộ thôn Sơn
-- Lang"), as a sheet may name it (unit_bare_key); not a name that says another kind ("Chi bộ ấp Sơn
-- Lang": its bare key drops the "ấp" it says)
bare_refs as (
    select r.*, unit_bare_key(r.name) as bkey
    from loose_refs r
    anti join by_loose b using (ref_id)
    where unit_bare_key(r.name) = regexp_replace(r.lkey, '^chi bo\s+', '')
),

by_bare as (
    select r.ref_id, u.id as unit_id
    from bare_refs r
    join (select id, path, unit_bare_key(name) as bkey from unit
          where exists (select 1 from bare_refs) and kind in ('chi_bo_co_so', 'chi_bo_truc_thuoc')) u
        on u.bkey = r.bkey
    where starts_with(u.path, r.search_path)
       or starts_with(r.search_path, u.path)
),

-- names found nowhere in a chi bộ context: looked up inside the nearest đảng bộ above it (a sheet of
-- two chi bộ lists under one title: the second list's "CHI BỘ THÔN 2" is a sibling of the title's
-- chi bộ, not inside it)
wide_refs as (
    select r.*
    from loose_refs r
    anti join by_loose b using (ref_id)
    anti join by_bare bb using (ref_id)
),

wide as (
    select c.search_path, max_by(a.path, length(a.path)) as wide_path
    from (select distinct search_path from wide_refs) c
    join unit cu on cu.path = c.search_path and cu.kind in ('chi_bo_truc_thuoc', 'to_dang')
    join unit a on starts_with(c.search_path, a.path) and a.path <> c.search_path and a.kind in ('dang_bo_co_so', 'dang_bo_bo_phan')
    group by 1
),

by_wide as (
    select r.ref_id, u.id as unit_id
    from wide_refs r
    join wide w using (search_path)
    join (select id, path, name_key, unit_loose_key(name) as lkey from unit
          where exists (select 1 from wide) and kind in ('chi_bo_truc_thuoc', 'to_dang')) u
        on (u.name_key = r.nkey or u.name_key = 'chi bo ' || r.nkey or u.lkey = r.lkey or u.lkey = 'chi bo ' || r.lkey)
       and starts_with(u.path, w.wide_path)
),

-- a level named bare ("ĐẢNG BỘ TỈNH", "Huyện ủy", "Đảng ủy xã", "Ban Thường vụ Đảng ủy Khối"; unit_key
-- reads a committee as its đảng bộ): the unit of that level above the context or inside it, the one
-- alive in the year among several (below)
level_refs as (
    select r.* from wide_refs r
    where regexp_full_match(r.nkey, 'dang bo (tinh|thanh pho|huyen|quan|thi xa|xa|phuong|thi tran|dac khu|khoi)')
),

by_level as (
    select r.ref_id, u.id as unit_id
    from level_refs r
    join (select id, path, name_key from unit where exists (select 1 from level_refs)) u
        on starts_with(u.name_key, r.nkey || ' ')
    where starts_with(u.path, r.context_path)
       or starts_with(r.context_path, u.path)
),

-- names found nowhere yet: a unit that was inside the search root before a registry load moved or
-- renamed it (unit_former), by its name then or now, or a unit inside such a unit. A chi bộ carried
-- over into the commune a merger formed is named under the old commune on that commune's past
-- lists, which a province setting up loads after the registry that moved it. (Not any unit of that
-- name under the successor: the other old commune's "Chi bộ thôn 3" is there too.)
former_refs as (
    select r.*
    from wide_refs r
    anti join by_wide b using (ref_id)
    anti join by_level l using (ref_id)
),

former_children as (
    select distinct r.search_path, fu.id as child_id, fu.path
    from (select distinct search_path from former_refs) r
    join unit root on root.path = r.search_path
    join unit_former f on upper(f.parent_code) = upper(root.code)
    join unit fu on upper(fu.code) = upper(f.code)
),

-- the units inside them, by their names now and then
former_named as (
    select c.search_path, u.id, u.name_key, unit_loose_key(u.name) as lkey
    from former_children c
    join unit u on starts_with(u.path, c.path)
    union
    select c.search_path, c.child_id, f.name_key, unit_loose_key(f.name)
    from former_children c
    join unit fu on fu.id = c.child_id
    join unit_former f on upper(f.code) = upper(fu.code)
),

by_former as (
    select r.ref_id, u.id as unit_id
    from former_refs r
    join former_named u
        on u.search_path = r.search_path
       and (u.name_key = r.nkey or u.name_key = 'chi bo ' || r.nkey or u.lkey = r.lkey or u.lkey = 'chi bo ' || r.lkey)
),

-- then a chi bộ named short of the commune its registry name ends with ("Trạm Y tế", "Cơ quan" for
-- "Chi bộ Trạm Y tế xã Nghĩa Trung", "Chi bộ Cơ quan xã Nghĩa Trung"), as sheets name them too
-- (unit_sheet_keys): a chi bộ inside the search root whose name, less its parent's kind and name, is
-- the one written (not a name saying another kind, "Chi bộ ấp Sơn Lang" for "Chi bộ thôn Sơn Lang":
-- as bare_refs). Only inside a known root, and its keys only for the chi bộ there.
short_refs as (
    select r.*, unit_bare_key(r.name) as skey
    from former_refs r
    anti join by_former b using (ref_id)
    where r.search_path <> '/'
      and unit_bare_key(r.name) = regexp_replace(r.lkey, '^chi bo\s+', '')
),

-- (the keys once per chi bộ under each root, then joined by equality: per pair of a name and a chi
-- bộ, a province root's 20 000 chi bộ cost each name seconds). The commune's name may be a former
-- commune's, one its đảng bộ was formed from: "Chi bộ Trường Tiểu học" for "Chi bộ Trường Tiểu học
-- Nghĩa Kỳ" under the Đảng bộ xã Trường Giang that xã Nghĩa Kỳ merged into (unit_lineage).
short_parents as (
    select upper(p.code) as code, p.name from unit p
    where exists (select 1 from short_refs)
    union
    select upper(l.to_code), f.name
    from unit_lineage l
    join unit f on upper(f.code) = upper(l.from_code)
    where exists (select 1 from short_refs)
),

short_keys as (
    select r.search_path, u.id, unnest(unit_sheet_keys(u.name, p.name)) as k
    from (select distinct search_path from short_refs) r
    join unit u on starts_with(u.path, r.search_path) and u.path <> r.search_path and u.kind in ('chi_bo_co_so', 'chi_bo_truc_thuoc')
    left join short_parents p on p.code = upper(u.parent_code)
),

by_short as (
    select distinct r.ref_id, k.id as unit_id
    from short_refs r
    join short_keys k on k.search_path = r.search_path and k.k = r.skey
),

-- last of all, a unit inside an organisation the search root follows from through mergers, splits
-- and renames (unit_lineage, back to any depth): a December 2025 list of the new commune's đảng ủy
-- naming "Chi bộ Thôn 2 (xã Kỳ Lâm cũ)", merged since into another chi bộ. By the name and its
-- looser key; of several, those under a predecessor bearing the name's bracketed part ("(xã Kỳ Lâm
-- cũ)"). Found, it is the old chi bộ; rating.sql moves a list decided after its dissolution to its
-- successor, and tells the file.
pred_refs as (
    select r.*, regexp_replace(unit_parent_key(r.name), '\s+cu$', '') as pkey
    from former_refs r
    anti join by_former b using (ref_id)
    anti join by_short s using (ref_id)
    where r.search_path <> '/'
),

pred_roots as (
    with recursive back(search_path, code) as (
        select r.search_path, root.code
        from (select distinct search_path from pred_refs) r
        join unit root on root.path = r.search_path
        union
        select b.search_path, l.from_code
        from back b
        join unit_lineage l on upper(l.to_code) = upper(b.code)
    )
    select distinct b.search_path, u.path, u.name_key
    from back b
    join unit u on upper(u.code) = upper(b.code)
    where u.path <> b.search_path
),

by_pred_all as (
    select r.ref_id, u.id as unit_id, r.pkey is not null and ends_with(pr.name_key, ' ' || r.pkey) as parent_ok
    from pred_refs r
    join pred_roots pr on pr.search_path = r.search_path
    -- (the organisations under a predecessor, not every unit of an old province: its chi bộ and đảng
    -- bộ; the looser key only for those the name's own key misses)
    join unit u on starts_with(u.path, pr.path) and u.path <> pr.path
               and u.kind in ('chi_bo_co_so', 'chi_bo_truc_thuoc', 'dang_bo_bo_phan', 'dang_bo_co_so')
    where u.name_key in (r.nkey, 'chi bo ' || r.nkey)
       or (u.name_key not in (r.nkey, 'chi bo ' || r.nkey) and unit_loose_key(u.name) in (r.lkey, 'chi bo ' || r.lkey))
),

by_pred as (
    select distinct ref_id, unit_id
    from by_pred_all
    qualify parent_ok or not bool_or(parent_ok) over (partition by ref_id)
),

hits as (
    select * from by_code
    union
    select * from by_name
    union
    select * from by_loose
    union
    select * from by_bare
    union
    select * from by_wide
    union
    select * from by_level
    union
    select * from by_former
    union
    select * from by_short
    union
    select * from by_pred
),

-- a code and a name beside it that say two different units ("C70010102 | Chi bộ thôn 1"): inside a
-- known root (a title unit, --unit), the name by its own key (or with its bracketed part read whole)
-- is units alive in the row's year, none of them the code's, and the code's unit does not bear the
-- name even loosely ("Chi bộ thôn 01" beside "Chi bộ thôn 1" is the same name). The lists refuse
-- such a row (a mistyped code moved it to another chi bộ); a name found nowhere, or naming a unit
-- above the code's (its đảng bộ), says nothing against the code.
name_conflict as (
    select c.ref_id, min(u.id) as other_id
    from (
        select b.ref_id, b.unit_id, r.search_path, r.year, r.name,
            unnest(list_filter([r.nkey, 'chi bo ' || r.nkey, unit_flat_key(r.name), 'chi bo ' || unit_flat_key(r.name)], lambda k: k is not null)) as k
        from by_code b
        join refs r using (ref_id)
        where r.role = 'unit' and r.code <> '' and r.nkey is not null and r.search_path <> '/'
    ) c
    join unit cu on cu.id = c.unit_id
    join unit u on u.name_key = c.k
    where (starts_with(u.path, c.search_path) or starts_with(c.search_path, u.path))
      and (u.id = cu.id or not starts_with(cu.path, u.path))
      and (u.id = cu.id or alive_in(u.founded_on, u.dissolved_on, c.year))
      and unit_loose_key(cu.name) not in (unit_loose_key(c.name), 'chi bo ' || unit_loose_key(c.name))
    group by c.ref_id, c.unit_id
    having not bool_or(u.id = c.unit_id)
),

-- Of units sharing a name: those alive in the year, of those the ones alive at its end
-- (functions.sql: alive_in, alive_at_end); all of them when the narrowing leaves none.
lived as (
    select h.ref_id, h.unit_id,
        alive_in(u.founded_on, u.dissolved_on, r.year) as alive,
        alive_at_end(u.dissolved_on, r.year) as at_end
    from hits h
    join refs r using (ref_id)
    join unit u on u.id = h.unit_id
),

counted as (
    select ref_id,
        count(*) as n,
        count(*) filter (where alive) as n_alive,
        count(*) filter (where alive and at_end) as n_end
    from lived
    group by ref_id
),

picked as (
    select l.ref_id, count(*)::int as candidates, min(l.unit_id) as unit_id
    from lived l
    join counted c using (ref_id)
    where c.n = 1 or c.n_alive = 0 or (l.alive and (c.n_alive = 1 or c.n_end = 0 or l.at_end))
    group by l.ref_id
)

select
    r.role,
    r.code,
    r.name,
    r.parent,
    r.context_path,
    r.year,
    r.raw,
    case when r.raw is null then r.parent_id when p.candidates = 1 then coalesce(cb.id, p.unit_id) end as unit_id,
    coalesce(p.candidates, 0) as candidates,
    r.parent_id,
    r.parent_candidates,
    -- found only as a unit once inside the context (by_former): outside it now, yet its
    exists (select 1 from by_former s where s.ref_id = r.ref_id) as via_former,
    nc.other_id as name_conflict_id
from refs r
left join picked p using (ref_id)
left join name_conflict nc using (ref_id)
-- a tổ đảng is no unit of the lists: its members are its chi bộ's, rated and counted there (RULES.md:
-- rated in the chi bộ of their official membership; a tổ đảng has no rating of its own). A row or
-- title naming it is its chi bộ's (R1 counted it as a chi bộ of its own, R5 missed its members).
left join unit td on td.id = p.unit_id and td.kind = 'to_dang'
left join unit cb on cb.code = td.parent_code;
