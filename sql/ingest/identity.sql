-- identity: which person each staged row is. Reads temp table ident_in(rn, card_no, full_name,
-- name_key, birth_date, birth_year, sex, unit_id, joined_party_on); writes ident_out(rn, person_id,
-- how) and records ambiguous matches in ingest_issue. RULES.md "identity": card number; else
-- accent-folded name + birth date (or year) within the unit and its lineage; ambiguous -> a new
-- person and a report, never a guess. Variables: file_id.

-- step: family
-- Units connected by lineage (merge, split, rename), either direction, to any depth.
create or replace temp table unit_family as
with recursive edges as (
    select f.id as a, t.id as b
    from unit_lineage l
    join unit f on f.code = l.from_code
    join unit t on t.code = l.to_code
),
undirected as (
    select a, b from edges
    union
    select b, a from edges
),
reach(unit_id, other_id) as (
    select distinct unit_id, unit_id from ident_in where unit_id is not null
    union
    select r.unit_id, e.b
    from reach r
    join undirected e on e.a = r.other_id
)
select * from reach;

-- step: match
create or replace temp table ident_out as
with by_card as (
    select i.rn, p.id as person_id
    from ident_in i
    join person p on p.card_no = i.card_no
    where i.card_no is not null
),

-- every unit a known person has been seen in
person_unit as (
    select id as person_id, home_unit_id as unit_id from person where home_unit_id is not null
    union
    select person_id, unit_id from membership
    union
    select person_id, unit_id from rating where person_id is not null and unit_id is not null
),

name_candidates as (
    select i.rn, p.id as person_id
    from ident_in i
    anti join by_card c on c.rn = i.rn
    join person p
      on p.name_key = i.name_key
     and (p.card_no is null or i.card_no is null)
     and (
            (i.birth_date is not null and p.birth_date is not null and i.birth_date = p.birth_date)
         or ((i.birth_date is null or p.birth_date is null) and i.birth_year = p.birth_year)
         or (i.birth_year is null and p.birth_year is null)
     )
    where exists (
        select 1
        from person_unit pu
        join unit_family f on f.other_id = pu.unit_id
        where pu.person_id = p.id and f.unit_id = i.unit_id
    )
),

by_name as (
    select rn, min(person_id) as person_id, count(distinct person_id)::int as n
    from name_candidates
    group by rn
)

select rn, person_id, 'card' as how from by_card
union all
select rn, person_id, 'name' from by_name where n = 1
union all
select rn, null, 'ambiguous' from by_name where n > 1;

-- step: report_ambiguous
insert into ingest_issue (source_file_id, source_row, severity, message)
select getvariable('file_id'), o.rn, 'ambiguous',
    'Không xác định chắc chắn người "' || i.full_name || '": trùng họ tên và ngày sinh với nhiều người đã có; đã tạo hồ sơ mới, cần bổ sung số thẻ đảng viên.'
from ident_out o
join ident_in i on i.rn = o.rn
where o.how = 'ambiguous';

-- step: create_new
-- Rows still without a person: one new person per distinct identity in this file.
create or replace temp table ident_new as
with pending as (
    select i.*
    from ident_in i
    anti join ident_out o on o.rn = i.rn and o.person_id is not null
)
select
    rn,
    min(rn) over (partition by card_no,
                  case when card_no is null then name_key end,
                  case when card_no is null then birth_date end,
                  case when card_no is null then birth_year end,
                  case when card_no is null then unit_id end) as first_rn
from pending;

insert into person (card_no, full_name, name_key, birth_date, birth_year, sex, joined_party_on, home_unit_id, source_file_id, source_row)
select i.card_no, i.full_name, i.name_key, i.birth_date, i.birth_year, i.sex, i.joined_party_on, i.unit_id, getvariable('file_id'), i.rn
from ident_in i
join ident_new n on n.rn = i.rn and n.first_rn = i.rn
order by i.rn;

create or replace temp table ident_out as
select rn, person_id, how from ident_out where person_id is not null
union all
select n.rn, p.id, 'new'
from ident_new n
join person p on p.source_file_id = getvariable('file_id') and p.source_row = n.first_rn;

-- step: enrich
-- What this file knows that the person record lacks: a card number, a full birth date, admission.
update person p
set card_no = coalesce(p.card_no, i.card_no),
    birth_date = coalesce(p.birth_date, i.birth_date),
    birth_year = coalesce(p.birth_year, i.birth_year),
    joined_party_on = coalesce(p.joined_party_on, i.joined_party_on),
    sex = coalesce(p.sex, i.sex)
from ident_out o
join ident_in i on i.rn = o.rn
where p.id = o.person_id
  and o.how <> 'new'
  and ((p.card_no is null and i.card_no is not null)
    or (p.birth_date is null and i.birth_date is not null)
    or (p.joined_party_on is null and i.joined_party_on is not null)
    or (p.sex is null and i.sex is not null));
