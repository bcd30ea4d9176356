-- Rebuilds unit_origin (sql/schema/007_unit_origin.sql) from the registry; run by runner.ts before
-- an audit when the registry has changed since (variable registry_stamp). The unit itself counts;
-- `union` stops at a cycle in a bad registry.
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
    min(a.founded_on),
    arg_min(a.code, {'founded_on': a.founded_on, 'code': a.code}) filter (where a.founded_on is not null),
    arg_min(a.name, {'founded_on': a.founded_on, 'code': a.code}) filter (where a.founded_on is not null)
from chain c
join unit a on a.code = c.ancestor
group by c.code;

delete from unit_origin_stamp;
insert into unit_origin_stamp values (getvariable('registry_stamp'));
