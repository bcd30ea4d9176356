-- identity: which person each staged row is. Reads temp table ident_in(rk, file_id, rn, year,
-- card_no, full_name, name_key, birth_date, birth_year, sex, unit_id, joined_party_on, joined_party_by,
-- agency, search_unit_id, moved) — the
-- rows of one year; the loader runs "scope" once and the other steps year by year — and writes
-- ident_out(rk, person_id, how); ambiguous matches are recorded in ingest_issue.
-- RULES.md "identity": card number; else accent-folded name + birth date (or year) within the unit
-- and its lineage; ambiguous -> a new person and a report, never a guess. The name as written
-- (accents kept) is preferred where it finds someone: Hùng and Hưng fold alike. "Within the unit" is read
-- as within the grassroots organisation (đảng bộ / chi bộ cơ sở) the unit belongs to, so a member
-- who moves between its chi bộ stays one person, and "its lineage" as every grassroots
-- organisation it follows from or leads to through merges, splits and renames (the 2025
-- reorganisation included).
-- A row with a name and no birth data at all (many real lists, discipline registers) is matched on
-- the name within its own unit (a chi bộ; a đảng bộ with the units under it) and that unit's
-- lineage: one person of that folded name there is that person, several are reported; a namesake
-- in another chi bộ is not evidence enough without a birth date.
-- A row with no unit (a civil-servant list of a People's Committee) is looked for, by name and
-- birth, in the party organisation of the locality its agency names ("UBND XÃ BÙ ĐĂNG": Đảng bộ xã
-- Bù Đăng); agency: the agencies its cell and the list's title name, ' / ' between them; or in
-- search_unit_id and the units under it (a district's discipline register naming no member's unit).

-- step: scope
-- unit_scope: each unit -> its grassroots organisation g (nearest đảng bộ / chi bộ cơ sở on its
-- path, else itself), whether it is a chi bộ (the rows of two chi bộ name two people: match), its
-- path (the match's joins then need no unit table: see person_seen), and whether no grassroots
-- organisation is on its path (a district, a province; or a unit the registry gives no path). g_related(a, b): a and b are the same grassroots organisation or one follows
-- from the other through merges, splits and renames (forward, any depth) — not two communes merged
-- into the same successor, whose namesakes stay two people.
create or replace temp table unit_scope as
with ancestors as (
    select u.id as unit_id, u.code
    from (select id, unnest(string_split(trim(path, '/'), '/')) as code from unit where path is not null) u
)
select u.id as unit_id,
    coalesce(max_by(a_unit.id, a_unit.depth) filter (where a_unit.kind in ('dang_bo_co_so', 'chi_bo_co_so')), u.id) as g,
    any_value(u.kind) in ('chi_bo_co_so', 'chi_bo_truc_thuoc') as is_chi_bo, any_value(u.path) as path,
    count(*) filter (where a_unit.kind in ('dang_bo_co_so', 'chi_bo_co_so')) = 0 as above_grassroots
from unit u
left join ancestors a on a.unit_id = u.id
left join unit a_unit on a_unit.code = a.code
group by u.id;

-- g_follows(a, b): b follows from a (create_new makes a predecessor's people first)
create or replace temp table g_follows as
with recursive edges as (
    select distinct gf.g as a, gt.g as b
    from unit_lineage l
    join unit f on f.code = l.from_code
    join unit t on t.code = l.to_code
    join unit_scope gf on gf.unit_id = f.id
    join unit_scope gt on gt.unit_id = t.id
    where gf.g <> gt.g
),
reach(a, b) as (
    select a, b from edges
    union
    select r.a, e.b from reach r join edges e on e.a = r.b
)
select a, b from reach;

create or replace temp table g_related as
select distinct g as a, g as b from unit_scope
union
select a, b from g_follows
union
select b, a from g_follows;

-- unit_related(unit_id, related_id): for each unit of a row, the unit and the units it follows from
-- or leads to through merges, splits and renames (any depth; not the other predecessors of its
-- successor): a chi bộ of the year and one it follows from hold the same members (match).
create or replace temp table unit_related as
with recursive seeds as (
    select distinct unit_id from ident_in where unit_id is not null
),
edges as (
    select distinct f.id as a, t.id as b
    from unit_lineage l
    join unit f on f.code = l.from_code
    join unit t on t.code = l.to_code
),
fwd(s, u) as (
    select unit_id, unit_id from seeds
    union
    select f.s, e.b from fwd f join edges e on e.a = f.u
),
bwd(s, u) as (
    select unit_id, unit_id from seeds
    union
    select b.s, e.a from bwd b join edges e on e.b = b.u
)
select s as unit_id, u as related_id from fwd
union
select s, u from bwd;

-- name_scope(unit_id, path): for each unit of a row that gives a name and no birth, the units whose
-- people that name is looked for among: the unit and its related units, each with the units under
-- it (by path).
create or replace temp table name_scope as
select distinct x.unit_id, u.path
from unit_related x
join unit u on u.id = x.related_id
where u.path is not null
  and x.unit_id in (select unit_id from ident_in where birth_year is null);

-- agency_ref: the agencies of the rows, placed by agency_unit.sql (load.ts runs it between this
-- step and the next: agency_unit(agency, year, unit_id, n)); a row with a unit (a civil servant's
-- naming their chi bộ) is looked for in its unit, its agency only placed for its list (rating.sql)
create or replace temp table agency_ref as
select distinct agency, year from ident_in where agency is not null;

-- step: place
-- ident_place(rk, unit_id, g): each row with no unit its agency places, once for every grassroots
-- organisation in the unit found (a commune's đảng bộ is one; a district has many).
-- ident_unplaced(rk, agency, n): the card-less rows with no unit it could not place (rating.sql
-- warns: their people are no party member's).
-- (the organisations under each place found once, not once per row: a province's register would
-- pair each of its rows with the province's whole subtree by path)
create or replace temp table ident_place as
with searched as (
    -- (a row of a province's register its title searches whole, whose "Chức vụ, đơn vị công tác"
    -- names a commune inside it, "Phó Trưởng ấp 3, xã A": that commune, where a name alone finds)
    -- (a row with a birth date is looked for in the whole place searched, as before: a teacher of the
    -- district's school chi bộ whose post names the commune)
    select i.rk, case when au.unit_id is not null and (i.search_unit_id is null or (i.birth_year is null and starts_with(au_u.path, su.path))) then au.unit_id
                      else i.search_unit_id end as unit_id
    from ident_in i
    left join agency_unit au on au.agency = i.agency and au.year is not distinct from i.year
    left join unit au_u on au_u.id = au.unit_id
    left join unit su on su.id = i.search_unit_id
    where i.unit_id is null and coalesce(i.search_unit_id, au.unit_id) is not null
),
-- (each unit under a searched place names it in its path, '/…/CODE/…/': joined on the path's codes,
-- by equality; "starts_with(v.path, s.path)" paired every unit with every unit of a national
-- registry before the searched places were picked)
under as (
    select distinct s.id as unit_id, us.g
    from unit s
    join (select id, unnest(string_split(trim(path, '/'), '/')) as code from unit
          where path is not null and exists (select 1 from searched)) v on v.code = s.code
    join unit_scope us on us.unit_id = v.id
    where s.id in (select unit_id from searched)
)
select distinct x.rk, x.unit_id, u.g
from searched x
join under u on u.unit_id = x.unit_id;

create or replace temp table ident_unplaced as
select i.rk, i.agency, coalesce(au.n, 0) as n
from ident_in i
left join agency_unit au on au.agency = i.agency and au.year is not distinct from i.year
where i.unit_id is null and i.card_no is null and au.unit_id is null;

-- batch_seen: people placed by the years of this batch already done (the tables only learn of
-- them at the merge), so a member who transferred in 2023 is found there in 2024.
create or replace temp table batch_seen (person_id integer, unit_id integer);

-- step: cards
-- Run once a year, before the phases. A card number whose holder bears another name and another
-- birth (RULES.md "identity"): a card copied from another row ("Hồ Thị Lan, 12/12/1991" on Nguyễn
-- Văn An's 79012345) is not the holder's row; taken as his, her rating was his and her discipline
-- lost. Such a row is looked for by its name and birth, as a row without a card, and the clerk told
-- (one of the two is wrong). The holder's name as clerks write it (names_alike: accents, a letter
-- typed wrong, "Thị" left out) or the same birth is the holder. Rows of the year bearing one card
-- that no one holds yet, under names not alike: which of them holds it the lists cannot say; none
-- keeps it, each is told.
create or replace temp table ident_card_conflict as
with stored as (
    select i.rk, arg_min({'name': p.full_name, 'file_id': p.source_file_id, 'rn': p.source_row}, p.id) as other
    from ident_in i
    join person p on p.card_no = i.card_no
    where i.card_no is not null
    group by i.rk
    having not bool_or(names_alike(i.name_key, p.name_key) or coalesce(i.birth_date = p.birth_date, i.birth_year = p.birth_year, false))
),
batch as (
    select i.rk, arg_min({'name': j.full_name, 'file_id': j.file_id, 'rn': j.rn}, j.rk) as other
    from ident_in i
    join ident_in j on j.card_no = i.card_no and j.rk <> i.rk
    anti join person p on p.card_no = i.card_no
    where i.card_no is not null
      and not names_alike(i.name_key, j.name_key)
      and not coalesce(i.birth_date = j.birth_date, i.birth_year = j.birth_year, false)
    group by i.rk
)
select c.rk, i.card_no, c.other
from (select * from stored union all select * from batch) c
join ident_in i on i.rk = c.rk;

insert into ingest_issue (source_file_id, source_row, severity, message)
select i.file_id, i.rn, 'card',
    'Số thẻ đảng viên ' || c.card_no || ' ghi cho "' || i.full_name || '" là số thẻ của "' || c.other.name || '" ('
    || coalesce(sf.file_name, '?') || ', dòng ' || c.other.rn || '), khác họ tên và ngày sinh: không nhận là một người, dòng này được đối chiếu theo họ tên và ngày sinh. Sửa số thẻ ghi sai ở một trong hai nơi.'
from ident_card_conflict c
join ident_in i on i.rk = c.rk
left join source_file sf on sf.id = c.other.file_id;

update ident_in set card_no = null where rk in (select rk from ident_card_conflict);

-- A card no one holds on a row whose name and full birth date a member seen in its unit bears under
-- another card (a digit typed wrong: 79012366 for 79012360): two records, as the cards say, but the
-- clerk is told, naming both cards.
insert into ingest_issue (source_file_id, source_row, severity, message)
with fresh as (
    select i.*
    from ident_in i
    anti join person p on p.card_no = i.card_no
    where i.card_no is not null and i.birth_date is not null and i.unit_id is not null
),
twins as (
    select f.rk, p.id, p.card_no, p.full_name, p.source_file_id, p.source_row
    from fresh f
    join person p on p.name_key = f.name_key and p.birth_date = f.birth_date
    where p.card_no is not null
),
seen as (
    select id as person_id, home_unit_id as unit_id from person semi join twins t on t.id = person.id
    union
    select m.person_id, m.unit_id from membership m semi join twins t on t.id = m.person_id
    union
    select r.person_id, r.unit_id from rating r semi join twins t on t.id = r.person_id
    union
    select b.person_id, b.unit_id from batch_seen b semi join twins t on t.id = b.person_id
),
found as (
    select t.rk, arg_min({'name': t.full_name, 'card': t.card_no, 'file_id': t.source_file_id, 'rn': t.source_row}, t.id) as other
    from twins t
    join fresh f on f.rk = t.rk
    join unit_related ur on ur.unit_id = f.unit_id
    semi join seen s on s.person_id = t.id and s.unit_id = ur.related_id
    group by t.rk
)
select f.file_id, f.rn, 'card',
    'Người "' || f.full_name || '" (số thẻ ' || f.card_no || ') trùng họ tên, ngày sinh với "' || x.other.name || '" số thẻ ' || x.other.card
    || ' trong cùng đơn vị (' || coalesce(sf.file_name, '?') || ', dòng ' || x.other.rn || '): đã lưu thành hai người. Nếu là một người, sửa số thẻ ghi sai.'
from found x
join fresh f on f.rk = x.rk
left join source_file sf on sf.id = x.other.file_id;

-- step: match
-- Of several candidates, those of the name as written (name_exact) when any, else none is picked
-- when they bear differently accented names (Hùng, Hưng: the folded name cannot tell which); then,
-- of several namesakes, the one seen in the row's own unit (two chi bộ of one đảng bộ, each with
-- its Nguyễn Văn An born 1970). A person that rows of two chi bộ of the year pick is one of them at
-- most (a list rates a member in one chi bộ): the row of the chi bộ the person was seen in, the
-- others a new person; when no one such chi bộ, all are reported.
create or replace temp table ident_out as
with ins as materialized (
    select i.*, coalesce(us.g, ip.g) as g, case when us.is_chi_bo then i.unit_id end as chi_bo, us.path as unit_path
    from ident_in i
    left join unit_scope us on us.unit_id = i.unit_id
    -- a row with no unit: once for each grassroots organisation its agency places it in
    left join ident_place ip on ip.rk = i.rk
),

by_card as (
    select i.rk, min(p.id) as person_id
    from ins i
    join person p on p.card_no = i.card_no
    where i.card_no is not null
    group by i.rk
),

rest as materialized (
    select i.*
    from ins i
    anti join by_card c on c.rk = i.rk
),

-- the people any step below can pick for a row: of its folded name and its birth date or year; of
-- its name whatever their birth when the row has none; of its name with no birth at all (the
-- undated, below). (Of the name alone, a batch of a national year's lists took nearly every stored
-- person, and person_seen grouped their 5 million memberships and ratings: 18 s per match phase.)
cand_id as (
    select p.id from person p
    semi join (select distinct name_key, birth_date from rest where birth_date is not null) r
        on r.name_key = p.name_key and r.birth_date = p.birth_date
    union
    select p.id from person p
    semi join (select distinct name_key, birth_year from rest where birth_year is not null) r
        on r.name_key = p.name_key and r.birth_year = p.birth_year
    union
    select p.id from person p
    semi join (select distinct name_key from rest where birth_year is null) r on r.name_key = p.name_key
    union
    select p.id from person p
    semi join (select distinct name_key from rest) r on r.name_key = p.name_key
    where p.birth_year is null
),

cand_person as (
    select p.*
    from person p
    semi join cand_id c on c.id = p.id
),


-- every unit a candidate has been seen in, and its grassroots organisation
person_seen as (
    select distinct x.person_id, x.name_key, x.unit_id, us.g, us.path
    from (
        select id as person_id, name_key, home_unit_id as unit_id from cand_person
        union all
        select m.person_id, c.name_key, m.unit_id from membership m join cand_person c on c.id = m.person_id
        union all
        select r.person_id, c.name_key, r.unit_id from rating r join cand_person c on c.id = r.person_id
        union all
        select b.person_id, c.name_key, b.unit_id from batch_seen b join cand_person c on c.id = b.person_id
    ) x
    join unit_scope us on us.unit_id = x.unit_id
),

-- same folded name and: the same birth date where both have one; else the same birth year. Two
-- equality joins, one per case: joined on the name alone, a common name ("nguyen van hung") paired
-- every row with thousands of people before the birth test, which took minutes once a few national
-- years were loaded.
same_name_birth as (
    select r.rk, r.g, p.id as person_id
    from rest r
    join cand_person p on p.name_key = r.name_key and p.birth_date = r.birth_date
    where p.card_no is null or r.card_no is null
    union all
    select r.rk, r.g, p.id
    from rest r
    join cand_person p on p.name_key = r.name_key and p.birth_year = r.birth_year
    where (p.card_no is null or r.card_no is null)
      and (r.birth_date is null or p.birth_date is null)
),

-- a name and no birth data: the people of that folded name seen in the row's unit or its lineage
-- (name_scope), whatever birth data they have. Found among the namesakes of the row's grassroots
-- organisation (and its lineage) by equality joins first: on the name alone, a common name would
-- pair each row with thousands. (So never beyond that organisation: a name alone on a district's
-- list is not looked for in its communes.)
-- (the rows and their related organisations first, on their own: planned as one join, DuckDB
-- paired every person seen with every organisation related to theirs before the rows, 52 million
-- pairs and 17 s for a thousand rosters on a national store)
name_alone_rows as materialized (
    select r.rk, r.name_key, r.card_no, r.unit_id, gr.b as g
    from rest r
    join g_related gr on gr.a = r.g
    where r.birth_year is null and r.unit_id is not null
),
name_alone as (
    select r.rk, ps.person_id
    from name_alone_rows r
    join person_seen ps on ps.name_key = r.name_key and ps.g = r.g
    join name_scope ns on ns.unit_id = r.unit_id and starts_with(ps.path, ns.path)
    join cand_person p on p.id = ps.person_id
    where p.card_no is null or r.card_no is null
),

-- a name and no birth data on a row with no unit that its agency places in one grassroots
-- organisation (a People's Committee's civil servants, "UBND xã Đoàn Kết", listed without birth
-- dates): the people of that name seen in that organisation, as for a row of its unit. Not a row
-- placed in several (a district's agency): a name alone is no evidence across communes.
name_alone_placed as (
    select r.rk, ps.person_id
    from rest r
    semi join (select rk from ident_place group by rk having count(distinct g) = 1) one on one.rk = r.rk
    join person_seen ps on ps.name_key = r.name_key and ps.g = r.g
    join cand_person p on p.id = ps.person_id
    where r.birth_year is null and r.unit_id is null
      and (p.card_no is null or r.card_no is null)
),

-- people known only from a discipline register's row that named no unit of theirs, placed where
-- the register was searched (a district's, loaded before the year's lists: 'Trưởng thôn 1, xã A'):
-- never rated, no roster's. A row under that place, of their name and birth, is one of them.
register_only as (
    select p.id as person_id, us.path
    from cand_person p
    join source_file sf on sf.id = p.source_file_id and sf.kind = 'discipline'
    join unit_scope us on us.unit_id = p.home_unit_id and us.above_grassroots
),
searched_only as (
    select o.*
    from register_only o
    anti join (select r.person_id from rating r semi join register_only o on o.person_id = r.person_id) r on r.person_id = o.person_id
    anti join (select m.person_id from membership m semi join register_only o on o.person_id = m.person_id) m on m.person_id = o.person_id
),

name_candidates as (
    select distinct c.rk, c.person_id
    from same_name_birth c
    join person_seen ps on ps.person_id = c.person_id
    join g_related gr on gr.a = c.g and gr.b = ps.g
    union
    select rk, person_id from name_alone
    union
    select rk, person_id from name_alone_placed
    union
    select c.rk, c.person_id
    from same_name_birth c
    join searched_only s on s.person_id = c.person_id
    join rest r on r.rk = c.rk
    where starts_with(r.unit_path, s.path)
),

-- a name and a birth, and no one of that name and birth: the people of that folded name with no
-- birth data at all seen in the row's unit, a unit under it or one above it (an undated roster's
-- member, whom a rating list now dates: the enrich step keeps the birth). One is that person,
-- several are reported, as for a name alone. The undated people first: most lists date everyone.
undated_seen as (
    select ps.*, p.card_no
    from person_seen ps
    join cand_person p on p.id = ps.person_id
    where p.birth_year is null
),

dated_meets_undated as (
    select r.rk, s.person_id
    from rest r
    join undated_seen s on s.name_key = r.name_key and s.g = r.g
    where r.birth_year is not null
      and (s.card_no is null or r.card_no is null)
      and (starts_with(s.path, r.unit_path) or starts_with(r.unit_path, s.path))
),

undated_picks as (
    select d.rk, d.person_id
    from dated_meets_undated d
    anti join name_candidates c on c.rk = d.rk
),

-- rows of other births meeting the same undated person (a father and his son of one name in one chi
-- bộ, both on the rating list, one on the undated roster): which of them it is, the lists cannot
-- say; all are reported
undated_shared as (
    select u.person_id
    from undated_picks u
    join rest r on r.rk = u.rk
    group by u.person_id
    having count(distinct r.birth_year) > 1 or count(distinct r.birth_date) > 1
),

-- of a row's candidates, those of its full birth date when any: the person a list dated so is that
-- row's before one known by the year alone (a register's "Lê Văn Cường, 1990", who may be him or
-- his namesake born that year)
name_dated as (
    select c.rk, c.person_id
    from name_candidates c
    join (select distinct rk, birth_date from rest) r on r.rk = c.rk
    join cand_person p on p.id = c.person_id
    qualify coalesce(p.birth_date = r.birth_date, false) or not bool_or(coalesce(p.birth_date = r.birth_date, false)) over (partition by c.rk)
),

-- a person of no birth date that rows of several birth dates pick (two namesakes of a chi bộ born
-- 01/01/1990 and 15/08/1990, the register's "1990" stored first): which of them it is, the lists
-- cannot say; all are reported, as undated_shared
dated_shared as (
    select c.person_id
    from name_dated c
    join (select distinct rk, birth_date from rest) r on r.rk = c.rk
    join cand_person p on p.id = c.person_id
    where p.birth_date is null
    group by c.person_id
    having count(distinct r.birth_date) > 1
),

candidates as (
    select c.rk, c.person_id, s.person_id is not null as shared
    from name_dated c
    left join dated_shared s on s.person_id = c.person_id
    union all
    select u.rk, u.person_id, s.person_id is not null
    from undated_picks u
    left join undated_shared s on s.person_id = u.person_id
),

-- a row with candidates, once (a row with no unit is in rest once for each organisation it is
-- placed in); the name as written is computed here, for these rows only (name_exact is costly)
rest_row as (
    select rk, any_value(unit_id) as unit_id, any_value(g) as g, any_value(name_exact(full_name)) as exact_name, any_value(chi_bo) as chi_bo, bool_or(moved) as moved
    from rest
    semi join candidates c on c.rk = rest.rk
    group by rk
),

-- candidates seen in the row's own unit or its lineage (unit_related: the chi bộ it was renamed
-- from or merged into, not its siblings): across the 2025 merger each of two namesakes of two
-- communes' chi bộ is still the one seen in the row's chi bộ, whichever years load first
own as (
    select distinct c.rk, c.person_id
    from candidates c
    join rest_row r on r.rk = c.rk
    join unit_related ur on ur.unit_id = r.unit_id
    join person_seen ps on ps.person_id = c.person_id and ps.unit_id = ur.related_id
),

scored as (
    select c.rk, c.person_id, bool_or(c.shared) as shared, any_value(name_exact(p.full_name) = r.exact_name) as exact,
        any_value(name_exact(p.full_name)) as p_name, bool_or(o.rk is not null) as own
    from candidates c
    join cand_person p on p.id = c.person_id
    join rest_row r on r.rk = c.rk
    left join own o on o.rk = c.rk and o.person_id = c.person_id
    group by c.rk, c.person_id
),

by_name as (
    select rk,
        case when bool_or(shared) then 2
             when bool_or(exact) then coalesce(nullif(count(*) filter (where exact and own), 0), count(*) filter (where exact))
             when count(distinct p_name) > 1 then 2
             else coalesce(nullif(count(*) filter (where own), 0), count(*))
        end::int as n,
        case when bool_or(exact) then coalesce(min(person_id) filter (where exact and own), min(person_id) filter (where exact))
             else coalesce(min(person_id) filter (where own), min(person_id))
        end as person_id
    from scored
    group by rk
),

picked as (
    select b.rk, b.person_id, r.chi_bo
    from by_name b
    join rest_row r on r.rk = b.rk
    where b.n = 1
),

-- people picked by rows of more than one chi bộ of one grassroots organisation, and the chi bộ of
-- those rows each was seen in; not when a row states the move ("Chuyển đi" on one chi bộ's roster,
-- "Ngày chuyển đến" that year on the other's): one member who moved, as loading the lists one at a
-- time finds. (Chi bộ of two organisations, one following from the other, are the same members
-- before and after a merger: a commune's roster of March 2025 and its successor's of December.)
claimed as (
    select person_id
    from (
        select p.person_id, r.g, count(distinct p.chi_bo) as n, bool_or(r.moved) as moved
        from picked p
        join rest_row r on r.rk = p.rk
        group by all
    )
    group by person_id
    having max(n) > 1 and not bool_or(moved)
),

claimed_seen as (
    select p.person_id, min(p.chi_bo) as chi_bo, count(distinct p.chi_bo) as n
    from picked p
    semi join claimed c on c.person_id = p.person_id
    semi join person_seen ps on ps.person_id = p.person_id and ps.unit_id = p.chi_bo
    group by p.person_id
),

-- the rows of such people: the person's (its chi bộ's rows, and rows of no chi bộ), a new person
-- (rows of the other chi bộ: no row here), or reported (no one chi bộ the person was seen in)
claimed_rows as (
    select p.rk,
        case when s.n = 1 and (p.chi_bo = s.chi_bo or p.chi_bo is null) then p.person_id end as person_id,
        coalesce(s.n, 0) <> 1 as ambiguous
    from picked p
    semi join claimed c on c.person_id = p.person_id
    left join claimed_seen s on s.person_id = p.person_id
)

select rk, person_id, 'card' as how from by_card
union all
select rk, person_id, 'name' from picked anti join claimed c on c.person_id = picked.person_id
union all
select rk, person_id, 'name' from claimed_rows where person_id is not null
union all
select rk, null, 'ambiguous' from claimed_rows where ambiguous
union all
select rk, null, 'ambiguous' from by_name where n > 1;

-- The same between a row and the lists stored before (two chi bộ's lists of a year loaded one at a
-- time, as they arrive): a person a row took by name whom a stored list holds that year in another
-- chi bộ of the row's grassroots organisation (not one the row's follows from or leads to: the
-- same members before and after a merger) is one of the two at most. Not when either states the
-- move: the row's "Ngày chuyển đến" that year; a stored roster's member who left (status left:
-- "Chuyển đi", also a death, which the store no longer tells apart), or came that year. By the chi
-- bộ the person was seen in in other years (stored, or this batch's earlier years): the row's
-- only, the row is the person ('keep': the stored rows of the year in the other chi bộ, a namesake
-- loaded first, become a person of their own, step unclaim; where the record holds a card, a birth
-- date, an admission or a sex, the rows are left and the row reported); the other's only, or none (a namesake of this year alone), a new person; both, or
-- neither though seen elsewhere, reported.
create or replace temp table stored_claim as
with taken as (
    select o.rk, o.person_id, i.unit_id as chi_bo, us.g, i.year
    from ident_out o
    join ident_in i on i.rk = o.rk
    join unit_scope us on us.unit_id = i.unit_id and us.is_chi_bo
    where o.how = 'name' and not i.moved
),
memberships as (
    select m.*, coalesce(year(m.joined_unit_on) = m.year and m.joined_unit_on is distinct from m.joined_party_on, false) as came
    from membership_current m
    semi join taken t on t.person_id = m.person_id and t.year = m.year
),
held as (
    select r.person_id, r.unit_id, r.period_year as year
    from rating_current r
    join person p on p.id = r.person_id
    semi join taken t on t.person_id = r.person_id and t.year = r.period_year
    -- (nor a rating of the chi bộ whose roster says the member came that year, the rating list not:
    -- a register names the chi bộ where the violation happened, the one he left)
    anti join memberships m on m.came and m.person_id = r.person_id and m.unit_id = r.unit_id and m.year = r.period_year
    where not coalesce(year(r.joined_unit_on) = r.period_year and r.joined_unit_on is distinct from p.joined_party_on, false)
    union
    select person_id, unit_id, year
    from memberships
    where status <> 'left' and not came
),
claims as (
    select t.rk, t.person_id, t.chi_bo, t.year, h.unit_id as other
    from taken t
    join held h on h.person_id = t.person_id and h.year = t.year
    join unit_scope hs on hs.unit_id = h.unit_id and hs.is_chi_bo and hs.g = t.g
    anti join unit_related ur on ur.unit_id = t.chi_bo and ur.related_id = h.unit_id
),
seen_other as (
    select r.person_id, r.unit_id from rating r semi join claims c on c.person_id = r.person_id and c.year <> r.period_year
    union
    select m.person_id, m.unit_id from membership m semi join claims c on c.person_id = m.person_id and c.year <> m.year
    union
    select b.person_id, b.unit_id from batch_seen b semi join claims c on c.person_id = b.person_id
),
verdicts as (
    select c.rk, c.person_id,
        case when bool_or(s.unit_id = c.chi_bo) and not bool_or(s.unit_id = c.other)
                 -- (a record holding a card, a full birth date, an admission or a sex may hold what the
                 -- namesake's rows gave it, which splitting the rows would leave on the wrong man:
                 -- reported instead)
                 then if(any_value(p.card_no) is null and any_value(p.birth_date) is null and any_value(p.joined_party_on) is null
                         and any_value(p.sex) is null, 'keep', 'ambiguous')
             when (bool_or(s.unit_id = c.other) and not bool_or(s.unit_id = c.chi_bo)) or count(s.unit_id) = 0 then 'new'
             else 'ambiguous' end as verdict
    from claims c
    join person p on p.id = c.person_id
    left join seen_other s on s.person_id = c.person_id
    group by c.rk, c.person_id
)
select c.*, v.verdict
from claims c
join verdicts v on v.rk = c.rk and v.person_id = c.person_id;

update ident_out set person_id = null, how = 'ambiguous'
where rk in (select rk from stored_claim where verdict = 'ambiguous');
delete from ident_out where rk in (select rk from stored_claim where verdict = 'new');

-- step: report_ambiguous
insert into ingest_issue (source_file_id, source_row, severity, message)
select i.file_id, i.rn, 'ambiguous',
    'Không xác định chắc chắn người "' || i.full_name || '": '
    || case when i.birth_year is null
            then 'danh sách không ghi ngày sinh, trùng họ tên với nhiều người đã có trong cùng đơn vị; đã tạo hồ sơ mới, cần bổ sung ngày sinh hoặc số thẻ đảng viên.'
            else 'trùng họ tên và ngày sinh với nhiều người đã có (hoặc cùng người khác trong danh sách, ở chi bộ khác hay khác ngày sinh, ứng với một người đã có); đã tạo hồ sơ mới, cần bổ sung số thẻ đảng viên.' end
from ident_out o
join ident_in i on i.rk = o.rk
-- (once: a row create_new made wait is matched again)
anti join ingest_issue ii on ii.source_file_id = i.file_id and ii.source_row = i.rn and ii.severity = 'ambiguous'
where o.how = 'ambiguous';

-- step: create_new
-- Rows still without a person: one new person per distinct identity among them. The loader runs
-- this in four phases with a match between each — rows with a card number, then rows with a full
-- birth date, then rows with a birth year, then the rest (no birth data) — so that a list without
-- cards, with birth years only or with no birth at all joins the people a better-identified list of
-- the same year has just created, as it would join them stored (variable ident_phase: a committee's
-- list without birth, loaded with its chi bộ's list giving "Năm sinh", finds the members by name
-- alone instead of keying apart from them). A row
-- with no unit is a person of its own, unless its agency places it (ident_place). Identity runs one year at a time, so a member seen in 2024
-- and, after a merger, in 2025 is matched through the lineage, not split here. ident_made (made
-- empty by the loader for each year): every row an earlier phase gave a new person, which the next
-- match does not always find again (a row with no unit has no organisation to search), so it is
-- not created twice.
create or replace temp table ident_new as
with pending_all as materialized (
    select i.*, coalesce(us.g, ip.g, -i.rk) as g, case when us.is_chi_bo then i.unit_id end as chi_bo
    from ident_in i
    left join unit_scope us on us.unit_id = i.unit_id
    -- a row with no unit its agency places in one grassroots organisation is made one person with
    -- that organisation's rows of the same name and birth (a commune's civil-servant list loaded
    -- with its chi bộ's rating list)
    left join (select rk, min(g) as g from ident_place group by rk having count(*) = 1) ip on ip.rk = i.rk
    -- matched rows have their person; ambiguous ones stay so whatever is created, and wait for
    -- the last phase (a new person of their own, reported)
    anti join ident_out o on o.rk = i.rk and (o.person_id is not null or (o.how = 'ambiguous' and getvariable('ident_phase') < 4))
    anti join ident_made m on m.rk = i.rk
    where case getvariable('ident_phase')
              when 1 then i.card_no is not null
              when 2 then i.card_no is null and i.birth_date is not null
              when 3 then i.card_no is null and i.birth_date is null and i.birth_year is not null
              else true
          end
),
-- card-less rows whose identity (folded name, birth) a pending row of an organisation they follow
-- from bears (a merged commune's roster of March 2025, loaded with its successor's of December):
-- they wait for that row's person, whom the next match finds through the lineage, as it would
-- with the lists loaded one at a time. Keyed together, the two would be one person only if no
-- namesake of the other predecessor came along; made apart, they are two. The loader matches and
-- calls this step again while rows wait (ident_defer false on its last call: all are made).
waiting as (
    select distinct p.rk
    from (select * from pending_all where card_no is null and g in (select b from g_follows)) p
    join g_follows f on f.b = p.g
    join (select * from pending_all where card_no is null and g in (select a from g_follows)) q
      on q.g = f.a and q.name_key = p.name_key
     and q.birth_date is not distinct from p.birth_date and q.birth_year is not distinct from p.birth_year
    anti join g_follows back on back.a = p.g and back.b = q.g
    where getvariable('ident_defer')
),
pending as materialized (
    select * from pending_all anti join waiting w on w.rk = pending_all.rk
),
-- the card-less identities (folded name + birth + grassroots organisation) that rows of several
-- accented spellings (twins Hùng and Hưng), or of several chi bộ, share: split by spelling, by chi bộ.
-- Only identities of several rows can be split: name_exact (costly) is computed for those alone.
shared_identity as (
    select name_key, birth_date, birth_year, g
    from pending
    where card_no is null
    group by all
    having count(*) > 1
),
split as (
    select name_key, birth_date, birth_year, g,
        count(distinct exact_name) filter (where exact_name <> name_key) > 1 as by_spelling,
        count(distinct chi_bo) > 1 as by_chi_bo
    from (
        select p.*, name_exact(p.full_name) as exact_name
        from pending p
        semi join shared_identity s
          on s.name_key = p.name_key and s.birth_date is not distinct from p.birth_date
         and s.birth_year is not distinct from p.birth_year and s.g = p.g
        where p.card_no is null
    )
    group by all
    having by_spelling or by_chi_bo
),
-- the identity of a pending row: its card, else folded name + birth + grassroots organisation (the
-- rows of a member's chi bộ and of a list of its đảng bộ's leaders, or its commune's civil servants,
-- are one person), the spelling and the chi bộ where split (a row of no chi bộ there: its own person);
-- a name with no birth data: name + unit (as match: namesakes in two chi bộ are two people)
keyed as materialized (
    select p.rk, p.card_no,
        case when p.card_no is null then p.name_key end as k_name,
        case when p.card_no is null then p.birth_date end as k_date,
        case when p.card_no is null then p.birth_year end as k_year,
        case when p.card_no is null then p.g end as k_g,
        case when p.card_no is null and p.birth_year is null then p.unit_id end as k_unit,
        case when s.by_spelling then name_exact(p.full_name) end as k_spelling,
        case when s.by_chi_bo then coalesce(p.chi_bo, -p.rk) end as k_chi_bo
    from pending p
    left join split s
      on p.card_no is null and s.name_key = p.name_key and s.birth_date is not distinct from p.birth_date
     and s.birth_year is not distinct from p.birth_year and s.g = p.g
),
-- a GROUP BY and a join, not a window: a window over millions of rows sorts them
firsts as (
    select card_no, k_name, k_date, k_year, k_g, k_unit, k_spelling, k_chi_bo, min(rk) as first_rk
    from keyed
    group by all
)
select k.rk, f.first_rk, k.k_chi_bo < 0 as unsure
from keyed k
join firsts f
  on f.card_no is not distinct from k.card_no and f.k_name is not distinct from k.k_name
 and f.k_date is not distinct from k.k_date and f.k_year is not distinct from k.k_year
 and f.k_g is not distinct from k.k_g and f.k_unit is not distinct from k.k_unit
 and f.k_spelling is not distinct from k.k_spelling and f.k_chi_bo is not distinct from k.k_chi_bo
-- (the waiting rows: no person made, first_rk null)
union all
select rk, null, false from waiting;

insert into person (card_no, full_name, name_key, birth_date, birth_year, sex, joined_party_on, joined_party_by, home_unit_id, source_file_id, source_row)
select i.card_no, i.full_name, i.name_key, i.birth_date, i.birth_year, i.sex, i.joined_party_on, i.joined_party_by, coalesce(i.unit_id, ip.unit_id), i.file_id, i.rn
from ident_in i
join ident_new n on n.rk = i.rk and n.first_rk = i.rk
-- a row with no unit: the unit its agency places it in, where a later list looks for the person
left join (select distinct rk, unit_id from ident_place) ip on ip.rk = i.rk
order by i.rk;

-- a row of no chi bộ (a đảng bộ's leader list) whose name and birth rows of several chi bộ bear:
-- which of them it is, the lists cannot say
insert into ingest_issue (source_file_id, source_row, severity, message)
select i.file_id, i.rn, 'ambiguous',
    'Không xác định chắc chắn người "' || i.full_name || '": trùng họ tên và ngày sinh với người ở nhiều chi bộ trong các danh sách cùng năm; đã tạo hồ sơ mới, cần bổ sung số thẻ đảng viên.'
from ident_new n
join ident_in i on i.rk = n.rk
where n.unsure;

insert into ident_made select rk, first_rk from ident_new where first_rk is not null;

-- step: finalize
-- After the last phase: the matched rows, and the rows of the people the phases created that no
-- later match found again (their person: the one made from their first row).
create or replace temp table ident_out as
select rk, person_id, how from ident_out where person_id is not null
union all
select m.rk, p.id, 'new'
from ident_made m
join ident_in f on f.rk = m.first_rk
join person p on p.source_file_id = f.file_id and p.source_row = f.rn
anti join ident_out o on o.rk = m.rk and o.person_id is not null;

-- step: unclaim
-- The stored rows of the year a row took its person back from (stored_claim 'keep': a namesake's
-- list of another chi bộ, loaded before the person's own, had taken the person): a person of their
-- own, made from the first of them with the name and birth year they were matched on, as loading
-- the two lists together makes them.
create or replace temp table ident_unclaim as
select x.person_id, x.other as unit_id, x.year, nextval('person_seq') as new_id
from (select distinct person_id, other, year from stored_claim where verdict = 'keep') x;

insert into person (id, full_name, name_key, birth_year, home_unit_id, source_file_id, source_row)
select u.new_id, p.full_name, p.name_key, p.birth_year, u.unit_id, f.src.f, f.src.r
from ident_unclaim u
join person p on p.id = u.person_id
join (
    select u.new_id, min({'f': x.source_file_id, 'r': x.source_row}) as src
    from ident_unclaim u
    join (select person_id, unit_id, period_year as year, source_file_id, source_row from rating
          union all
          select person_id, unit_id, year, source_file_id, source_row from membership) x
      on x.person_id = u.person_id and x.unit_id = u.unit_id and x.year = u.year
    group by u.new_id
) f on f.new_id = u.new_id;

update rating set person_id = u.new_id from ident_unclaim u
where rating.person_id = u.person_id and rating.unit_id = u.unit_id and rating.period_year = u.year;
update membership set person_id = u.new_id from ident_unclaim u
where membership.person_id = u.person_id and membership.unit_id = u.unit_id and membership.year = u.year;
update discipline set person_id = u.new_id from ident_unclaim u
where discipline.person_id = u.person_id and discipline.unit_id = u.unit_id and year(discipline.decided_on) = u.year;

-- step: enrich
-- What this batch knows that the person record lacks: a card number, a full birth date, admission
-- (or a closer one: a full date where the record has only the year, schema 010).
update person p
set card_no = coalesce(p.card_no, x.card_no),
    birth_date = coalesce(p.birth_date, x.birth_date),
    birth_year = coalesce(p.birth_year, x.birth_year),
    joined_party_on = if(closer_admission(p.joined_party_on, p.joined_party_by, x.admitted.joined_party_on, x.admitted.joined_party_by),
                         x.admitted.joined_party_on, p.joined_party_on),
    joined_party_by = if(closer_admission(p.joined_party_on, p.joined_party_by, x.admitted.joined_party_on, x.admitted.joined_party_by),
                         x.admitted.joined_party_by, p.joined_party_by),
    sex = coalesce(p.sex, x.sex)
from (
    select x.*
    from (
        select o.person_id, max(i.card_no) as card_no, max(i.birth_date) as birth_date, max(i.birth_year) as birth_year,
            -- the closest admission the batch gives (a full date before a month, a month before a year)
            arg_min({'joined_party_on': i.joined_party_on, 'joined_party_by': i.joined_party_by},
                    [date_diff('day', i.joined_party_on, i.joined_party_by), epoch(i.joined_party_on)::bigint])
                filter (where i.joined_party_on is not null) as admitted,
            max(i.sex) as sex
        from ident_out o
        join ident_in i on i.rk = o.rk
        where o.how <> 'new'
        group by o.person_id
    ) x
    -- a card already held by another person is not copied: that would make two people one card
    -- (looked up for the batch's cards only: a NOT IN over every card of the table cost 1 s for
    -- 2 million people, even with nothing to enrich)
    anti join person q on q.card_no = x.card_no and q.id <> x.person_id
) x
where p.id = x.person_id
  and ((p.card_no is null and x.card_no is not null)
    or (p.birth_date is null and x.birth_date is not null)
    or (p.birth_year is null and x.birth_year is not null)
    or closer_admission(p.joined_party_on, p.joined_party_by, x.admitted.joined_party_on, x.admitted.joined_party_by)
    or (p.sex is null and x.sex is not null));

-- step: reconcile
-- A card-less record made earlier for someone this batch names with a card in the same unit (or
-- its lineage), with the same folded name and birth: one person, the rule of "same name and birth
-- within the unit" applied once the card holder is known to be there. Typical: a member moves to
-- another đảng bộ, whose roster (no card column) is loaded before its rating list (cards): the
-- roster made a record of its own, and every later card-less list of the unit found two people.
-- Only one-to-one pairs are joined, and never a record made for a row reported ambiguous nor one
-- that another card holder of that name and birth, seen in a related organisation, could be as
-- well (two communes merged in 2025, each with its Nguyễn Văn Hùng born 12/05/1980: the card-less
-- row was reported, then joined to whichever card came in the batch). The card-less record's rows
-- pass to the card holder, its data fills what the holder lacks, and the list row is told
-- (ingest_issue).
create or replace temp table ident_merge as
with card_rows as (
    select o.rk, o.person_id, i.name_key, i.birth_date, i.birth_year, i.unit_id
    from ident_out o
    join ident_in i on i.rk = o.rk
    where o.how = 'card'
),
-- card-less records of the names matched by card (none, in a load of carded lists: then nothing
-- below reads the batch's millions of rows)
cardless as (
    select q.id, q.name_key, q.birth_date, q.birth_year, q.home_unit_id
    from person q
    semi join card_rows c on c.name_key = q.name_key
    anti join ingest_issue ii on ii.severity = 'ambiguous' and ii.source_file_id = q.source_file_id and ii.source_row = q.source_row
    where q.card_no is null
),
carded as (
    select distinct c.person_id, us.g, c.name_key,
        coalesce(c.birth_date, p.birth_date) as birth_date, coalesce(c.birth_year, p.birth_year) as birth_year
    from card_rows c
    semi join cardless q on q.name_key = c.name_key
    join unit_scope us on us.unit_id = c.unit_id
    join person p on p.id = c.person_id
),
-- same folded name and birth, by equality joins as in match (on the name alone, a common name
-- pairs thousands with thousands)
same_name_birth as (
    select c.person_id as keep_id, c.g, q.id as drop_id
    from carded c join cardless q on q.name_key = c.name_key and q.birth_date = c.birth_date
    union all
    select c.person_id, c.g, q.id
    from carded c join cardless q on q.name_key = c.name_key and q.birth_year = c.birth_year
    where q.birth_date is null or c.birth_date is null
    union all
    select c.person_id, c.g, q.id
    from (select * from carded where birth_year is null) c
    join (select * from cardless where birth_year is null) q on q.name_key = c.name_key
),
-- other card holders of the same name and birth as a card holder of the batch, as
-- coalesce(date = date, year = year, true) reads "same birth", one branch per case: both dates
-- known and equal (1); a date missing on either side and both years known and equal (2); a date and
-- a year missing on either side, the name alone (3: the keep's year missing, 4: the rival's). By
-- equality joins, as above: joined on the name and filtered by birth, the first 20 000 lists of a
-- national year paired 350 million namesakes (25 s). (union, not union all: the cases overlap.)
keeps as (
    select distinct s.drop_id, k.id, k.name_key, k.birth_date, k.birth_year
    from same_name_birth s
    join person k on k.id = s.keep_id
),
card_holders as (
    select id, name_key, birth_date, birth_year from person
    where card_no is not null and name_key in (select name_key from keeps)
),
rivals as (
    select k.drop_id, p2.id as rival_id
    from keeps k join card_holders p2 on p2.name_key = k.name_key and p2.birth_date = k.birth_date
    where p2.id <> k.id
    union
    select k.drop_id, p2.id
    from keeps k join card_holders p2 on p2.name_key = k.name_key and p2.birth_year = k.birth_year
    where p2.id <> k.id and (p2.birth_date is null or k.birth_date is null)
    union
    select k.drop_id, p2.id
    from (select * from keeps where birth_year is null) k join card_holders p2 on p2.name_key = k.name_key
    where p2.id <> k.id and (p2.birth_date is null or k.birth_date is null)
    union
    select k.drop_id, p2.id
    from keeps k join (select * from card_holders where birth_year is null) p2 on p2.name_key = k.name_key
    where p2.id <> k.id and (p2.birth_date is null or k.birth_date is null)
),
-- every grassroots organisation those card-less records and their rivals have been seen in (as
-- person_seen in match)
watched as (
    select drop_id as id from same_name_birth union select rival_id from rivals
),
seen_g as (
    select distinct x.person_id, us.g
    from (
        select id as person_id, home_unit_id as unit_id from person semi join watched w on w.id = person.id
        union all
        select m.person_id, m.unit_id from membership m semi join watched w on w.id = m.person_id
        union all
        select r.person_id, r.unit_id from rating r semi join watched w on w.id = r.person_id
        union all
        select b.person_id, b.unit_id from batch_seen b semi join watched w on w.id = b.person_id
        union all
        select o.person_id, i.unit_id from ident_out o join ident_in i on i.rk = o.rk semi join watched w on w.id = o.person_id
    ) x
    join unit_scope us on us.unit_id = x.unit_id
),
pairs as (
    select distinct s.keep_id, s.drop_id
    from same_name_birth s
    join seen_g qg on qg.person_id = s.drop_id
    join g_related gr on gr.a = s.g and gr.b = qg.g
    where s.keep_id <> s.drop_id
),
-- a card-less record another card holder of its name and birth could be as well
contested as (
    select distinct r.drop_id
    from rivals r
    join seen_g rg on rg.person_id = r.rival_id
    join seen_g qg on qg.person_id = r.drop_id
    join g_related gr on gr.a = qg.g and gr.b = rg.g
)
select keep_id, drop_id
from pairs
anti join contested c on c.drop_id = pairs.drop_id
qualify count(*) over (partition by keep_id) = 1 and count(*) over (partition by drop_id) = 1;

insert into ingest_issue (source_file_id, source_row, severity, message)
select i.file_id, i.rn, 'merged',
    'Người "' || i.full_name || '" (số thẻ ' || i.card_no || ') trùng họ tên, ngày sinh với hồ sơ không có số thẻ đảng viên trong cùng đơn vị ('
    || coalesce(sf.file_name, '?') || ', dòng ' || q.source_row || '): đã nhận là một người.'
from ident_merge m
join person q on q.id = m.drop_id
left join source_file sf on sf.id = q.source_file_id
join (select o.person_id, min(o.rk) as rk from ident_out o where o.how = 'card' group by o.person_id) f on f.person_id = m.keep_id
join ident_in i on i.rk = f.rk;

update person p
set birth_date = coalesce(p.birth_date, q.birth_date),
    birth_year = coalesce(p.birth_year, q.birth_year),
    joined_party_on = if(closer_admission(p.joined_party_on, p.joined_party_by, q.joined_party_on, q.joined_party_by), q.joined_party_on, p.joined_party_on),
    joined_party_by = if(closer_admission(p.joined_party_on, p.joined_party_by, q.joined_party_on, q.joined_party_by), q.joined_party_by, p.joined_party_by),
    sex = coalesce(p.sex, q.sex)
from ident_merge m
join person q on q.id = m.drop_id
where p.id = m.keep_id;

update membership set person_id = m.keep_id from ident_merge m where membership.person_id = m.drop_id;
update rating set person_id = m.keep_id from ident_merge m where rating.person_id = m.drop_id;
update discipline set person_id = m.keep_id from ident_merge m where discipline.person_id = m.drop_id;
update batch_seen set person_id = m.keep_id from ident_merge m where batch_seen.person_id = m.drop_id;
update ident_out set person_id = m.keep_id from ident_merge m where ident_out.person_id = m.drop_id;
update ident_out_all set person_id = m.keep_id from ident_merge m where ident_out_all.person_id = m.drop_id;
delete from person where id in (select drop_id from ident_merge);

-- step: remember
insert into batch_seen
select o.person_id, i.unit_id
from ident_out o
join ident_in i on i.rk = o.rk
where o.person_id is not null and i.unit_id is not null;
