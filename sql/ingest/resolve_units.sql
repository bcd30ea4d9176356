-- resolve_units: every unit a staged row names (its own unit, its deciding body) is found in the
-- registry by code, else by name (unit_key, accent-insensitive) within the file's context (a title
-- unit or --unit). Resolved once per distinct spelling, not per row.
-- Reads temp table unit_ref(role, code, name, context_path) (distinct; '' for absent; context_path
-- the file's title unit or --unit, '/' for all); writes unit_hit: one row per reference, unit_id
-- null when unknown (candidates = 0) or ambiguous (> 1).
create or replace temp table unit_hit as
with refs as (
    select distinct
        role,
        code,
        name,
        context_path,
        upper(clean(code)) as ucode,
        unit_key(nullif(name, '')) as nkey,
        coalesce(clean(code), clean(name)) as raw
    from unit_ref
    where code <> '' or name <> ''
),

units as (
    select id, upper(code) as code, name_key, path from unit
),

by_code as (
    select r.role, r.code, r.name, r.context_path, u.id as unit_id
    from refs r
    join units u on u.code = r.ucode
),

name_refs as (
    select r.*
    from refs r
    anti join by_code b on b.role = r.role and b.code = r.code and b.name = r.name and b.context_path = r.context_path
    where r.nkey is not null
),

by_name as (
    select r.role, r.code, r.name, r.context_path, u.id as unit_id
    from name_refs r
    join units u on (u.name_key = r.nkey or u.name_key = 'chi bo ' || r.nkey)
    where starts_with(u.path, r.context_path)
       or starts_with(r.context_path, u.path)
),

-- names found nowhere, by the looser key on both sides ("CB thôn 01, xã X" is "Chi bộ thôn 1")
loose_refs as (
    select r.*, unit_loose_key(r.name) as lkey
    from name_refs r
    anti join by_name b on b.role = r.role and b.code = r.code and b.name = r.name and b.context_path = r.context_path
),

by_loose_all as (
    select r.role, r.code, r.name, r.context_path, u.id as unit_id, u.path, unit_parent_key(r.name) as pkey
    from loose_refs r
    join (select id, path, unit_loose_key(name) as lkey from unit
          where exists (select 1 from loose_refs)) u
        on u.lkey = r.lkey or u.lkey = 'chi bo ' || r.lkey
    where starts_with(u.path, r.context_path)
       or starts_with(r.context_path, u.path)
),

-- the parent a name carries ("Chi bộ thôn 1, xã Minh Hưng") picks among units of that name: those
-- under a unit whose name ends with it
by_loose as (
    select role, code, name, context_path, unit_id
    from (
        select b.*, b.pkey is not null and exists (
            select 1 from unit a where starts_with(b.path, a.path) and a.path <> b.path and ends_with(a.name_key, ' ' || b.pkey)) as parent_ok
        from by_loose_all b
    )
    qualify parent_ok or not bool_or(parent_ok) over (partition by role, code, name, context_path)
),

-- names found nowhere in a chi bộ context: looked up inside the nearest đảng bộ above it (a sheet of
-- two chi bộ lists under one title: the second list's "CHI BỘ THÔN 2" is a sibling of the title's
-- chi bộ, not inside it)
wide_refs as (
    select r.*
    from loose_refs r
    anti join by_loose b on b.role = r.role and b.code = r.code and b.name = r.name and b.context_path = r.context_path
),

wide as (
    select c.context_path, max_by(a.path, length(a.path)) as wide_path
    from (select distinct context_path from wide_refs) c
    join unit cu on cu.path = c.context_path and cu.kind in ('chi_bo_truc_thuoc', 'to_dang')
    join unit a on starts_with(c.context_path, a.path) and a.path <> c.context_path and a.kind in ('dang_bo_co_so', 'dang_bo_bo_phan')
    group by 1
),

by_wide as (
    select r.role, r.code, r.name, r.context_path, u.id as unit_id
    from wide_refs r
    join wide w using (context_path)
    join (select id, path, name_key, unit_loose_key(name) as lkey from unit
          where exists (select 1 from wide) and kind in ('chi_bo_truc_thuoc', 'to_dang')) u
        on (u.name_key = r.nkey or u.name_key = 'chi bo ' || r.nkey or u.lkey = r.lkey or u.lkey = 'chi bo ' || r.lkey)
       and starts_with(u.path, w.wide_path)
),

hits as (
    select * from by_code
    union all
    select * from by_name
    union all
    select * from by_loose
    union all
    select * from by_wide
),

final as (
    select
        r.role,
        r.code,
        r.name,
        r.context_path,
        r.raw,
        case when count(distinct h.unit_id) = 1 then min(h.unit_id) end as unit_id,
        count(distinct h.unit_id)::int as candidates
    from refs r
    left join hits h on h.role = r.role and h.code = r.code and h.name = r.name and h.context_path = r.context_path
    group by r.role, r.code, r.name, r.context_path, r.raw
)

select * from final;
