-- unit.province_code keys the rulebooks' per-province overrides (R1 share, R4 deadlines: "70" is
-- Bình Phước). The registry gives the province by name (Tỉnh/Thành phố); the code comes from
-- data/reference/provinces.csv. Recomputed for every unit after each registry load (registry.sql,
-- step paths); this view is that computation, and stored units get it here.
--
-- The 2025 merger (01/07/2025, 63 → 34 provinces, some codes kept, some new): a unit founded on or
-- after that day gets its province's new code ("Bình Phước" → 75, Đồng Nai); any other unit the
-- code of the province as written, the old one for an old name. An override keyed "70" can only
-- mean Bình Phước, so it reaches the units registered there, for every year they lived (an old
-- unit still alive in December 2025 included), and never a unit of the new Đồng Nai.
-- A unit with no province cell has its nearest ancestor's code (path); a province committee
-- (kind tinh_uy) without one, that of the province its name says ("Đảng bộ tỉnh Bình Phước").
-- A name the reference does not know counts as none (the registry load warns); with no code from
-- anywhere, the stored one stays.

-- province_names: a province by its name (before or after the merger) or code, as province_key
-- reads it: its code before the merger (none for a name only the merger made: "Huế") and after
create or replace view province_names as
select province_key(name) as pkey, code as old_code, code_2025 as new_code from ref_provinces
union all
select code, code, code_2025 from ref_provinces
union all
select distinct province_key(name_2025), null, code_2025 from ref_provinces
where province_key(name_2025) not in (select province_key(name) from ref_provinces);

create or replace view unit_province as
with own as (
    -- (the keys once per spelling: a national registry repeats 63 names over 300 thousand units)
    select u.id, u.code,
        case when u.founded_on >= date '2025-07-01' then p.new_code else coalesce(p.old_code, p.new_code) end as province_code
    from unit u
    left join (select distinct province_name as v, province_key(province_name) as k from unit) c on c.v = u.province_name
    join province_names p on p.pkey = coalesce(c.k, if(u.kind = 'tinh_uy', province_key(u.name), null))
),
-- the ancestors of a unit without one, nearest last
chain as (
    select u.id, unnest(string_split(trim(u.path, '/'), '/')) as code, generate_subscripts(string_split(trim(u.path, '/'), '/'), 1) as i
    from unit u
    anti join own o on o.id = u.id
)
select id, province_code from own
union all
select c.id, o.province_code
from chain c
join own o using (code)
qualify row_number() over (partition by c.id order by c.i desc) = 1;

update unit u set province_code = p.province_code
from unit_province p
where u.id = p.id and u.province_code is distinct from p.province_code;
