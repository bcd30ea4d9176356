-- Rebuilds unit_origin (sql/schema/007_unit_origin.sql) from the registry; run by runner.ts before
-- an audit when the registry has changed since (variable registry_stamp). The unit itself counts;
-- `union` stops at a cycle in a bad registry. A predecessor whose founding date the registry does
-- not give makes the age unknown: founded_on null, oldest_code that predecessor (the unit is not
-- new all the same: it was formed from an existing one, 003 §5.14).
delete from unit_origin;

insert into unit_origin
with recursive chain(code, ancestor) as (
    select distinct to_code, to_code from unit_lineage
    union
    select c.code, l.from_code
    from chain c
    join unit_lineage l on l.to_code = c.ancestor
)
select
    c.code,
    if(bool_or(a.founded_on is null and a.code <> c.code), null, min(a.founded_on)),
    if(bool_or(a.founded_on is null and a.code <> c.code),
       min(a.code) filter (where a.founded_on is null and a.code <> c.code),
       arg_min(a.code, {'founded_on': a.founded_on, 'code': a.code}) filter (where a.founded_on is not null)),
    if(bool_or(a.founded_on is null and a.code <> c.code),
       arg_min(n.label, a.code) filter (where a.founded_on is null and a.code <> c.code),
       arg_min(n.label, {'founded_on': a.founded_on, 'code': a.code}) filter (where a.founded_on is not null))
from chain c
join unit a on a.code = c.ancestor
-- (named with its parent where another unit bears its name: two communes' "Chi bộ thôn 1")
join unit_label n on n.code = a.code
group by c.code;

delete from unit_origin_stamp;
insert into unit_origin_stamp values (getvariable('registry_stamp'));
