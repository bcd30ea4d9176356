-- resolve_units: every unit a staged row names (its own unit, its deciding body, its parent) is
-- found in the registry by code, else by name (unit_key, accent-insensitive) within the file's
-- context (a title unit or --unit). Reads temp table unit_ref(rn, role, code, name); writes
-- unit_hit: one row per reference, unit_id null when unknown (candidates = 0) or ambiguous (> 1).
-- Variables: context_path (unit path prefix, '/' for all).
create or replace temp table unit_hit as
with refs as (
    select distinct
        rn,
        role,
        upper(clean(code)) as code,
        unit_key(name) as nkey,
        coalesce(clean(code), clean(name)) as raw
    from unit_ref
    where clean(code) is not null or clean(name) is not null
),

units as (
    select id, upper(code) as code, name_key, path from unit
),

by_code as (
    select r.rn, r.role, u.id as unit_id
    from refs r
    join units u on u.code = r.code
),

name_refs as (
    select r.*
    from refs r
    anti join by_code b on b.rn = r.rn and b.role = r.role
    where r.nkey is not null
),

by_name as (
    select r.rn, r.role, u.id as unit_id
    from name_refs r
    join units u on (u.name_key = r.nkey or u.name_key = 'chi bo ' || r.nkey)
    where u.path like getvariable('context_path') || '%'
       or getvariable('context_path') like u.path || '%'
),

hits as (
    select * from by_code
    union all
    select * from by_name
),

final as (
    select
        r.rn,
        r.role,
        r.raw,
        case when count(distinct h.unit_id) = 1 then min(h.unit_id) end as unit_id,
        count(distinct h.unit_id)::int as candidates
    from refs r
    left join hits h on h.rn = r.rn and h.role = r.role
    group by r.rn, r.role, r.raw
)

select * from final;
