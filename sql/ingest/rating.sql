-- rating: ingest of a rating list (members, leaders, leadership collectives, organisations) or a
-- civil-servant rating list. Steps run in order by src/lib/server/ingest/load.ts on one transaction.
-- Reads temp tables stg (part_id, rn, rk, fields of fields.ts as varchar), file_ctx (per file:
-- file_id, file_kind, default_year, default_period_kind, default_period_no, title_subject_kind,
-- context_unit_id, context_path) and period_map(raw, kind, no, year, part_id). Variable: scope_path.

-- step: unit_refs
-- each with the row's year (period_year below): of units sharing a name, the one alive then
-- (parent: a "Đảng bộ" column beside the "Chi bộ" column, which the chi bộ is looked up in)
create or replace temp table unit_ref as
with s as (
    select s.unit_code, s.unit_name, s.parent, s.decider, s.agency, c.context_path, coalesce(pm.year, yd.y, c.default_year) as year
    from stg s
    join file_ctx c using (part_id)
    left join period_map pm on pm.raw = s.period and (pm.part_id is null or pm.part_id = s.part_id)
    left join date_dict yd on yd.v = s.year
)
select distinct 'unit' as role, coalesce(unit_code, '') as code, coalesce(unit_name, '') as name, coalesce(parent, '') as parent, context_path, year from s
union
select distinct 'decider', decider, decider, '', context_path, year from s where decider is not null
union
-- a leaders' list's "Đơn vị công tác" with no unit column: the party unit it names, if one (below),
-- past a post written before it ("Chức vụ, đơn vị công tác": "Bí thư Chi bộ Trường Tiểu học A")
select distinct 'agency', '', agency_lookup(agency), '', context_path, year
from (select distinct agency, context_path, year from s where agency is not null and unit_code is null and unit_name is null);

-- step: agency_refs
-- a unit cell the lookup above found nothing for, "UBND xã A", "xã A" on a leaders' list ("Đơn vị
-- công tác", "Đơn vị"): placed as a civil servant's agency is (agency_unit.sql, which load.ts runs
-- next), for normalise to file the leader there
create or replace temp table agency_ref as
select distinct name as agency, year
from unit_hit
where unit_id is null and name <> '' and (role = 'agency' or (role = 'unit' and code = '' and parent = '' and candidates = 0));

-- step: normalise
create or replace temp table norm as
with sk as (
    select distinct v, coalesce(a.subject_kind, if(names_collective(v), 'leadership', null)) as subject_kind
    from (select distinct subject_kind as v from stg where subject_kind is not null) d
    left join (select distinct alnum_key(alias) as k, subject_kind from ref_subject_kind_alias) a
      on a.k = alnum_key(d.v)
),

-- "Đứng đầu" flags and titles: a few distinct spellings, read once each (row by row they cost
-- ~5 µs a row: a third of this step on a national list)
flags as (
    select v, parse_bool(v) as bool
    from (select distinct is_head as v from stg where is_head is not null)
),

titles as (
    select v, head_title_scopes(v) as scope
    from (select distinct position as v from stg where position is not null)
),

-- a leader's "Đơn vị công tác": the name it was looked up by (unit_refs), and whether it names a
-- party unit ("Bí thư Chi bộ thôn 1"), which, found nowhere, the file is told of (warnings)
agencies as (
    select v, agency_lookup(v) as lookup, party_unit_named(v) is not null as names_unit
    from (select distinct agency as v from stg where agency is not null)
),

-- scores, a few thousand distinct values however many rows (two regular expressions a row cost
-- ~1 s per million)
scores as (
    select v, parse_score(v) as score
    from (select distinct score as v from stg where score is not null)
),

-- sick leave a note states, "Nghỉ ốm dài ngày 4 tháng", where no column gives it (note_leave), else
-- absence, "Vắng mặt 4 tháng trong năm" (note_absence): once per distinct note
note_leaves as (
    select v, note_leave(v) as leave, note_absence(v) as absence
    from (select distinct note as v from stg where sick_days is null and absent_days is null and note is not null)
),

-- a note saying why a member has no level ("Mới kết nạp ngày 15/9/2022", "Miễn xếp loại"), as a
-- level cell would (not_rated_why): once per distinct note
note_whys as (
    select v, not_rated_why(v) as why
    from (select distinct note as v from stg where note is not null)
),

-- (a score or date cell holding the text of the row's level cell is one cell merged over them, "Chưa
-- xếp loại (mới kết nạp ngày 10/9/2025)" across "Điểm | Xếp loại | Ngày quyết định" (read.ts copies a
-- member row's merge into each column it spans): the level's not-rated reason, no score nor date)
merged as (
    select *, [trim(final_level), trim(self_level), trim(proposed_level), trim(cs_level)] as level_texts
    from stg
),

-- a civil servant's phòng inside the agency the title names (agency_inside): not an agency of its
-- own, the title's is the row's; once per distinct cell
inside as (
    select v, part_id
    from (select distinct s.agency as v, s.part_id, c.title_agency from stg s join file_ctx c using (part_id)
          where c.file_kind = 'civil_servant' and s.agency is not null and c.title_agency is not null)
    where agency_inside(v, title_agency)
),

s as (
    select stg.* exclude (level_texts) replace (
            if(i.v is null, stg.agency, null) as agency,
            coalesce(stg.sick_days, if(c.file_kind = 'civil_servant', stg.absent_days, null), nl.leave,
                     if(c.file_kind = 'civil_servant', nl.absence, null)) as sick_days,
            case when list_contains(level_texts, trim(stg.score)) then null else stg.score end as score,
            case when list_contains(level_texts, trim(stg.decided_on)) then null else stg.decided_on end as decided_on,
            case when list_contains(level_texts, trim(stg.reviewed_on)) then null else stg.reviewed_on end as reviewed_on),
        coalesce(nl.leave, if(c.file_kind = 'civil_servant', nl.absence, null)) is not null as sick_in_note,
        -- NĐ 90's absence, not sick leave: the civil servant's cap, not the member's (sick_leave_cap);
        -- read on a civil-servant list only (a member list's "Vắng mặt sinh hoạt chi bộ 4 tháng",
        -- "Không tham gia công tác đảng 4 tháng" is of Party life, not absence from work)
        c.file_kind = 'civil_servant' and stg.sick_days is null
            and (stg.absent_days is not null or (nl.leave is null and nl.absence is not null)) as leave_is_absence,
        person_name(full_name) as c_name, c.*
    from merged stg
    join file_ctx c using (part_id)
    left join note_leaves nl on nl.v = stg.note and stg.sick_days is null and stg.absent_days is null
    left join inside i on i.v = stg.agency and i.part_id = stg.part_id
)

select
    s.part_id,
    s.file_id,
    s.rn,
    s.rk,
    s.c_name as full_name,
    fold(s.c_name) as name_key,
    s.birth as birth_raw,
    case when bd.bare_year then null else bd.d end as birth_date,
    bd.y as birth_year,
    card_key(s.card_no) as card_no,
    s.card_no as card_raw,
    s.position,
    -- the flag as written; without one, by the title (head_by_scope, once the subject kind is known)
    case
        when s.is_head is not null then hb.bool
        when s.position is null then false
    end as is_head,
    ht.scope as head_scope,
    case
        when s.file_kind = 'civil_servant' then 'civil_servant'
        -- a list with a name column is a list of people: a row without a name is a missing name,
        -- not an organisation
        else coalesce(
            sk.subject_kind,
            s.title_subject_kind,
            case when s.c_name is not null or s.has_name_column then 'member' else 'party_org' end)
    end as subject_kind,
    s.subject_kind as subject_kind_raw,
    sk.subject_kind is null and s.subject_kind is not null as bad_subject_kind,
    coalesce(pm.year, yd.y, s.default_year) as period_year,
    s.year as year_raw,
    -- a year column (or a period's) against the title's year (or --year): last year's template sent
    -- with this year's title, or the other way round; which one holds is the sender's to say
    coalesce(coalesce(pm.year, yd.y) <> s.default_year, false) as year_conflict,
    pm.year is not null as year_in_period,
    coalesce(pm.kind, s.default_period_kind, 'year') as period_kind,
    coalesce(pm.no, s.default_period_no, 0) as period_no,
    s.period as period_raw,
    s.period is not null and pm.kind is null as bad_period,
    -- a period column against the quarter or term the title names ("QUÝ III NĂM 2025" over rows of
    -- "Quý II": last quarter's template), as the year above
    coalesce(s.title_period and (pm.kind <> s.default_period_kind or pm.no <> s.default_period_no), false) as period_conflict,
    -- a period no audit can run: a term not spanning years (at most MAX_TERM_YEARS, as
    -- isValidTerm in src/lib/domain/levels.ts), a quarter outside I–IV
    case coalesce(pm.kind, s.default_period_kind, 'year')
        when 'term' then not coalesce(coalesce(pm.no, s.default_period_no) between coalesce(pm.year, yd.y, s.default_year) - 10 and coalesce(pm.year, yd.y, s.default_year) - 1, true)
        when 'quarter' then not coalesce(coalesce(pm.no, s.default_period_no) between 1 and 4, true)
        else false
    end as bad_period_span,
    -- a level cell "Không xếp loại", "Chưa xếp loại", "-"… (level_dict.not_rated) is an empty one:
    -- no level and no error; the final one's text is kept as the reason (below)
    l_self.level as self_level,
    case when l_self.not_rated then null else s.self_level end as self_raw,
    l_prop.level as proposed_level,
    case when l_prop.not_rated then null else s.proposed_level end as proposed_raw,
    -- a civil-servant list may head its level "Xếp loại viên chức": that is its final level
    case when s.file_kind = 'civil_servant' then coalesce(l_final.level, l_cs.level) else l_final.level end as final_level,
    case
        when s.file_kind = 'civil_servant' and s.final_level is null then case when l_cs.not_rated then null else s.cs_level end
        when l_final.not_rated then null
        else s.final_level
    end as final_raw,
    case
        when s.file_kind = 'civil_servant' and s.final_level is null then case when l_cs.not_rated then clean(s.cs_level) end
        when l_final.not_rated then clean(s.final_level)
    end as final_not_rated_text,
    coalesce(l_final.bare, false) as final_not_rated_bare,
    l_cs.level as civil_servant_level,
    case when l_cs.not_rated then null else s.cs_level end as cs_raw,
    sc.score,
    s.score as score_raw,
    dd.d as decided_on,
    s.decided_on as decided_raw,
    rd.d as reviewed_on,
    s.reviewed_on as reviewed_raw,
    jp.d_or_year as joined_party_on,
    jp.d_latest as joined_party_by,
    s.joined_party_on as joined_party_raw,
    -- (a bare year, "2024", as an admission: 1 January of it — README "chỉ năm")
    ju.d_or_year as joined_unit_on,
    s.joined_unit_on as joined_unit_raw,
    -- (a plain number, as most lists write it, without parse_leave's regular expressions)
    -- (whole days reached: "89,5" / "89.5" is 89, not 90 — a cast of "89.5" to integer rounds it up to
    -- R6's 90, so only text with no decimal mark takes the plain cast)
    -- (months as written, "3 tháng": R6 counts them with its rulebook's days_per_month)
    -- (only where there is a cell: coalesce evaluates parse_leave, which folds its text, for every row
    -- the plain cast leaves null, the empty ones too: 1 s per million rows)
    case when s.sick_days is not null then
        coalesce(case when not contains(s.sick_days, '.') and not contains(s.sick_days, ',') then try_cast(s.sick_days as integer) end,
                 try_cast(floor(round(parse_leave(s.sick_days, coalesce(pm.year, yd.y, s.default_year)).days, 6)) as integer)) end as sick_leave_days,
    case when not regexp_full_match(trim(s.sick_days), '\d+') then try_cast(parse_leave(s.sick_days, coalesce(pm.year, yd.y, s.default_year)).months as decimal(6, 2)) end as sick_leave_months,
    s.sick_days as sick_raw,
    -- (read from the note: a length it does not give is warned, not refused: warnings)
    s.sick_in_note,
    s.leave_is_absence as sick_leave_is_absence,
    s.group_name,
    s.not_rated_reason,
    s.note,
    sn.status is not null or coalesce(nw.why, false) as note_says_why,
    -- the exemption or suspension a section row gave the rows below it ("IV. Đảng viên miễn công
    -- tác và sinh hoạt đảng", stage.ts): why they have no level, where the row says nothing itself
    case when ss.status in ('exempt', 'suspended') then s.status end as section_status,
    s.agency,
    coalesce(s.unit_code, s.unit_name) as unit_raw,
    -- no unit column: the title's unit; a leader's, the party unit their "Đơn vị công tác" names
    -- ("Đảng ủy xã Đoàn Kết" on a Huyện ủy's list of the cadres it manages), else the one its agency
    -- or locality places them in ("UBND xã Tân Lập": Đảng bộ xã Tân Lập, not the Tỉnh ủy heading the
    -- list), as a "Đơn vị" cell naming no party unit ("xã Hòa Phú")
    coalesce(u.unit_id,
        case when coalesce(sk.subject_kind, s.title_subject_kind) = 'leader' and coalesce(u.candidates, 0) = 0 then coalesce(ag.unit_id, pl.id) end,
        case when u.raw is null then s.context_unit_id end) as unit_id,
    -- … and an agency placed nowhere, the leader left under the title's unit: said (warnings)
    coalesce(coalesce(sk.subject_kind, s.title_subject_kind) = 'leader' and u.raw is null and s.agency is not null
        and ag.unit_id is null and pl.id is null and s.context_unit_id is not null, false) as agency_unplaced,
    case when ac.names_unit then coalesce(ag.candidates, 0) end as agency_unit_candidates,
    u.candidates as unit_candidates,
    u.name_conflict_id,
    s.unit_name as unit_name_raw,
    s.parent as parent_raw,
    u.parent_id,
    u.parent_candidates,
    s.decider as decider_raw,
    d.unit_id as decider_id,
    d.candidates as decider_candidates
from s
left join sk on sk.v = s.subject_kind
left join scores sc on sc.v = s.score
left join flags hb on hb.v = s.is_head
left join titles ht on ht.v = s.position
left join agencies ac on ac.v = s.agency
-- (a bare "III" is a quarter only in its own file's "Quý" column: those rows carry the part)
left join period_map pm on pm.raw = s.period and (pm.part_id is null or pm.part_id = s.part_id)
left join level_dict l_self on l_self.v = s.self_level
left join level_dict l_prop on l_prop.v = s.proposed_level
left join level_dict l_final on l_final.v = s.final_level
left join level_dict l_cs on l_cs.v = s.cs_level
left join date_dict bd on bd.v = s.birth
left join date_dict dd on dd.v = s.decided_on
left join date_dict rd on rd.v = s.reviewed_on
left join date_dict jp on jp.v = s.joined_party_on
left join date_dict ju on ju.v = s.joined_unit_on
left join date_dict yd on yd.v = s.year
left join status_dict sn on sn.v = s.note and sn.in_note and not contains(s.header_fields, ',status,')
left join status_dict ss on ss.v = s.status and not ss.in_note
left join note_whys nw on nw.v = s.note
left join unit_hit u on u.role = 'unit' and u.code = coalesce(s.unit_code, '') and u.name = coalesce(s.unit_name, '') and u.parent = coalesce(s.parent, '')
    and u.context_path = s.context_path and u.year is not distinct from coalesce(pm.year, yd.y, s.default_year)
left join unit_hit d on d.role = 'decider' and d.code = s.decider and d.context_path = s.context_path
    and d.year is not distinct from coalesce(pm.year, yd.y, s.default_year)
left join unit_hit ag on ag.role = 'agency' and ag.name = ac.lookup and ag.context_path = s.context_path
    and ag.year is not distinct from coalesce(pm.year, yd.y, s.default_year) and s.unit_code is null and s.unit_name is null
left join agency_unit au on au.agency = coalesce(s.unit_name, ac.lookup) and au.year is not distinct from coalesce(pm.year, yd.y, s.default_year)
    and s.unit_code is null and s.parent is null
-- (within the list's unit: a commune of another province is none of its cadres')
left join unit pl on pl.id = au.unit_id and starts_with(pl.path, s.context_path);

-- A list decided after the unit it names was dissolved (a December 2025 list of "Chi bộ Thôn 1" of
-- xã Kỳ Lâm, merged on 01/07/2025 into Chi bộ Thôn 1 Kỳ Lâm): the clerk wrote the unit as it was;
-- its rows are the successor's, where the unit has one (unit_lineage) in being on the list's last
-- decision day. Not an organisation's row whose successor the list rates already, or rates from
-- another old unit too (two chi bộ merged into one, rated apart: which row is the new one's, the list
-- does not say). unit_written_id: the unit as written, where moved (the file is told: warnings);
-- left as written, with several successors (a split) or none, the file is told too.
alter table norm add column unit_written_id integer;
alter table norm add column unit_gone_on date;

create or replace temp table unit_moved as
with listed as (
    select n.part_id, n.unit_id, n.subject_kind in ('party_org', 'leadership') as is_org, max(max(n.decided_on)) over (partition by n.part_id) as list_on,
        -- (the end of the period rated: a quarter II list decided on 05/07 rates the old chi bộ, which
        -- lived through the quarter)
        max(case n.period_kind when 'quarter' then last_day(make_date(n.period_year, least(greatest(n.period_no, 1), 4) * 3, 1))
                               else make_date(n.period_year, 12, 31) end) as period_end
    from norm n
    where n.unit_id in (select id from unit where dissolved_on is not null)
       or n.subject_kind in ('party_org', 'leadership')
    group by n.part_id, n.unit_id, is_org
),
gone as (
    select l.part_id, l.unit_id, l.is_org, l.list_on, u.code, u.dissolved_on
    from listed l
    join unit u on u.id = l.unit_id
    where u.dissolved_on < least(l.list_on, l.period_end)
),
moves as (
    select g.part_id, g.unit_id as from_id, g.is_org, g.dissolved_on,
        case when count(distinct t.id) = 1 then min(t.id) end as to_id
    from gone g
    left join unit_lineage ul on ul.from_code = g.code
    left join unit t on t.code = ul.to_code and (t.founded_on is null or t.founded_on <= g.list_on)
                    and (t.dissolved_on is null or t.dissolved_on >= g.list_on)
    group by all
)
select m.part_id, m.from_id, m.is_org, m.dissolved_on,
    case when not m.is_org
           or (count(*) over (partition by m.part_id, m.is_org, m.to_id) = 1
               and not exists (select 1 from listed l where l.part_id = m.part_id and l.is_org and l.unit_id = m.to_id))
         then m.to_id end as to_id
from moves m;

update norm
set unit_written_id = unit_id, unit_id = coalesce(m.to_id, norm.unit_id), unit_gone_on = m.dissolved_on
from unit_moved m
where norm.part_id = m.part_id and norm.unit_id = m.from_id and (norm.subject_kind in ('party_org', 'leadership')) = m.is_org;

-- Rows skipped (merge) and said (warnings), not refused:
-- - 'state': a collective or organisation of the State or a mass organisation on a party committee's
--   list ("Tập thể lãnh đạo UBND xã", "Thường trực HĐND xã", "Ban Thường trực Ủy ban MTTQ xã"), which
--   no party registry holds: no party unit's rating.
-- - 'second_collective': the Ban Chấp hành (Đảng ủy) of a đảng bộ whose Ban Thường vụ the list rates
--   too. Both are reviewed, each its own report (seed 003 §1: "tập thể BTV, BCH (đối với Đảng
--   bộ)"); the store holds one leadership collective a unit, the standing committee where there is
--   one (seed 000 §1.1: "ban thường vụ đảng ủy cơ sở hoặc ban chấp hành … (nơi không có ban thường
--   vụ)"). Before, the second row made the list refused as a duplicate.
alter table norm add column skip_why varchar;
update norm set skip_why = 'state'
where unit_id is null and coalesce(unit_candidates, 0) = 0 and subject_kind in ('party_org', 'leadership')
  and regexp_matches(fold(unit_raw), '\b(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|ubmttq|mttq|mat tran to quoc|uy ban mat tran|doan thanh nien|doan tncs|hoi (lien hiep )?phu nu|hoi nong dan|hoi cuu chien binh|cong doan)\b');
update norm set skip_why = 'second_collective'
from (
    select distinct part_id, unit_id, period_year, period_kind, period_no from norm
    where subject_kind = 'leadership' and unit_id is not null and names_standing_committee(unit_raw)
) b
where norm.subject_kind = 'leadership' and norm.unit_raw is not null and not names_standing_committee(norm.unit_raw)
  and norm.part_id = b.part_id and norm.unit_id = b.unit_id and norm.period_year is not distinct from b.period_year
  and norm.period_kind = b.period_kind and norm.period_no = b.period_no;

-- step: errors
-- Most rows are fine: the per-field checks run on the rows where some value did not parse or is out
-- of range (one cheap scan picks them), the scope check once per unit, duplicates by a GROUP BY.
with n as (
    select * from norm
    where skip_why is null and ((final_level is null and final_raw is not null)
       or (self_level is null and self_raw is not null)
       or (proposed_level is null and proposed_raw is not null)
       or (civil_servant_level is null and cs_raw is not null)
       or full_name is null
       or (birth_raw is not null and (birth_year is null or birth_year < 1900 or birth_year > year(current_date)))
       or (decided_on is null and decided_raw is not null)
       or (reviewed_on is null and reviewed_raw is not null)
       or (joined_party_on is null and joined_party_raw is not null)
       or (joined_unit_on is null and joined_unit_raw is not null)
       or (regexp_matches(score_raw, '[0-9]') and (score is null or score < 0 or score > 100))
       or (sick_raw is not null and not sick_in_note and ((sick_leave_days is null and sick_leave_months is null) or sick_leave_days not between 0 and 366 or sick_leave_months not between 0 and 12))
       or bad_subject_kind or bad_period or bad_period_span or year_conflict or period_conflict
       or period_year is null or period_year < 1990 or period_year > year(current_date) + 1
       or unit_id is null
       or name_conflict_id is not null
       or (decider_id is null and decider_raw is not null))
),
out_of_scope as (
    select u.id, u.name
    from (select distinct unit_id from norm where unit_id is not null) d
    join unit u on u.id = d.unit_id
    where not starts_with(u.path, getvariable('scope_path'))
),
-- the same person twice in one list (same period and subject kind): by card, else name+birth+unit,
-- the name as written (accents kept: twins Hùng and Hưng born the same day are two people)
person_key as (
    select part_id, rn, card_no, card_raw, full_name, subject_kind, period_year, period_kind, period_no,
        case when card_no is null then name_exact(full_name) end as k_name,
        -- the birth as read, not as typed: "05/03/1970" and "5.3.1970" are one date
        case when card_no is null then coalesce(strftime(birth_date, '%Y-%m-%d'), birth_year::varchar, clean(birth_raw)) end as k_birth,
        case when card_no is null then unit_id end as k_unit
    from norm where subject_kind in ('member', 'leader', 'civil_servant') and full_name is not null
),
dup_person as (
    select part_id, subject_kind, period_year, period_kind, period_no, card_no, k_name, k_birth, k_unit, min(rn) as first_rn
    from person_key
    group by all
    having count(*) > 1
),
dup_org as (
    select part_id, subject_kind, period_year, period_kind, period_no, unit_id, min(rn) as first_rn
    -- (a row refused for its "Đối tượng" is counted under a kind it may not be: no second error)
    from norm where subject_kind in ('party_org', 'leadership') and unit_id is not null and skip_why is null and not bad_subject_kind
    group by all
    having count(*) > 1
),
errs as (
    select part_id, rn, 'final_level' as field, final_raw as value,
        'Mức xếp loại không hợp lệ: dùng Hoàn thành xuất sắc nhiệm vụ / Hoàn thành tốt nhiệm vụ / Hoàn thành nhiệm vụ / Không hoàn thành nhiệm vụ (hoặc HTXSNV, HTTNV, HTNV, KHTNV); người không xếp loại: ghi "Không xếp loại" kèm lý do, ở ô này hoặc cột Ghi chú (ví dụ "Không xếp loại (miễn sinh hoạt đảng)").' as message
    from n where clean(final_raw) is not null and final_level is null
    union all
    select part_id, rn, 'self_level', self_raw, 'Mức tự xếp loại không hợp lệ.' from n where clean(self_raw) is not null and self_level is null
    union all
    select part_id, rn, 'proposed_level', proposed_raw, 'Mức đề xuất không hợp lệ.' from n where clean(proposed_raw) is not null and proposed_level is null
    union all
    select part_id, rn, 'cs_level', cs_raw, 'Mức xếp loại cán bộ, công chức, viên chức không hợp lệ.' from n where clean(cs_raw) is not null and civil_servant_level is null
    union all
    select part_id, rn, 'full_name', '', 'Thiếu họ và tên.'
    from n where full_name is null and subject_kind in ('member', 'leader', 'civil_servant')
    union all
    select part_id, rn, 'birth', birth_raw, 'Ngày sinh không hợp lệ (dùng dd/mm/yyyy hoặc năm sinh).'
    from n where clean(birth_raw) is not null and (birth_year is null or birth_year < 1900 or birth_year > year(current_date))
    union all
    select part_id, rn, 'decided_on', decided_raw, 'Ngày quyết định không hợp lệ.' from n where clean(decided_raw) is not null and decided_on is null
    union all
    select part_id, rn, 'reviewed_on', reviewed_raw, 'Ngày kiểm điểm không hợp lệ.' from n where clean(reviewed_raw) is not null and reviewed_on is null
    union all
    select part_id, rn, 'joined_party_on', joined_party_raw, 'Ngày vào Đảng không hợp lệ.' from n where clean(joined_party_raw) is not null and joined_party_on is null
    union all
    select part_id, rn, 'joined_unit_on', joined_unit_raw, 'Ngày chuyển đến không hợp lệ.' from n where clean(joined_unit_raw) is not null and joined_unit_on is null
    union all
    -- (a cell with no digit, "Không chấm", "Chưa chấm", "-", is no score: stored so, R9 judges it)
    select part_id, rn, 'score', score_raw, 'Điểm phải là số từ 0 đến 100.'
    from n where regexp_matches(score_raw, '[0-9]') and (score is null or score < 0 or score > 100)
    union all
    select part_id, rn, if(sick_leave_is_absence, 'absent_days', 'sick_days'), sick_raw, if(sick_leave_is_absence, 'Thời gian vắng mặt', 'Số ngày nghỉ ốm') || ' phải là số ngày ("90", "90 ngày"), số tháng ("3 tháng") hoặc từ ngày đến ngày ("01/3/2024 - 30/6/2024").'
    from n where clean(sick_raw) is not null and not sick_in_note and ((sick_leave_days is null and sick_leave_months is null) or sick_leave_days not between 0 and 366 or sick_leave_months not between 0 and 12)
    union all
    select part_id, rn, 'subject_kind', subject_kind_raw, 'Đối tượng không rõ: Đảng viên / Tổ chức đảng / Tập thể lãnh đạo, quản lý / Cá nhân lãnh đạo, quản lý.'
    from n where bad_subject_kind
    union all
    select part_id, rn, 'period', period_raw, 'Kỳ đánh giá không rõ: Năm / Quý I–IV / Nhiệm kỳ 2020–2025.' from n where bad_period
    union all
    -- a term whose first year is not before its last (title or cell): never stored
    select part_id, rn, 'period', coalesce(period_raw, 'Nhiệm kỳ ' || period_no || '–' || period_year),
        'Nhiệm kỳ ' || period_no || '–' || period_year || ' không hợp lệ: năm đầu phải trước năm cuối (ví dụ Nhiệm kỳ 2020–2025).'
    from n where bad_period_span and not bad_period
    union all
    select part_id, rn, 'year', coalesce(year_raw, ''), 'Không xác định được năm đánh giá: thêm cột Năm, ghi năm ở tiêu đề hoặc dùng --year.'
    from n where period_year is null or period_year < 1990 or period_year > year(current_date) + 1
    union all
    -- (the clashing year's own column: a period's "Quý II/2024" before a Năm cell)
    select n.part_id, n.rn, if(n.year_in_period, 'period', 'year'), if(n.year_in_period, n.period_raw, n.year_raw),
        'Năm ' || n.period_year || ' của dòng khác năm ' || c.default_year || ' ở tiêu đề danh sách (hoặc --year): sửa cột hoặc tiêu đề cho đúng năm đánh giá.'
    from n join file_ctx c on c.part_id = n.part_id where n.year_conflict
    union all
    select n.part_id, n.rn, 'period', n.period_raw,
        'Kỳ "' || n.period_raw || '" của dòng khác kỳ ' || case c.default_period_kind when 'quarter' then 'quý ' || ['I', 'II', 'III', 'IV'][c.default_period_no] else 'nhiệm kỳ ' || c.default_period_no || '–' || c.default_year end
        || ' ở tiêu đề danh sách (hoặc --period): sửa cột hoặc tiêu đề cho đúng kỳ đánh giá.'
    from n join file_ctx c on c.part_id = n.part_id where n.period_conflict and not n.year_conflict
    union all
    select n.part_id, n.rn, if(n.parent_raw is not null and n.parent_id is null, 'parent', 'unit_name'),
        if(n.parent_raw is not null and n.parent_id is null, n.parent_raw, coalesce(n.unit_raw, '')),
        case
            when n.parent_raw is not null and n.parent_id is null then unit_parent_error(n.parent_candidates)
            when n.unit_raw is null then 'Không xác định được đơn vị: thêm cột Mã đơn vị / Chi bộ, ghi đơn vị ở tiêu đề hoặc dùng --unit.'
            when p.name is not null then unit_in_parent_error(n.unit_candidates, p.name)
            when n.unit_candidates > 1 then 'Tên đơn vị trùng với ' || n.unit_candidates || ' đơn vị trong danh mục: dùng mã đơn vị.'
            else unit_unknown_error(n.unit_raw, 'Không có đơn vị này trong danh mục đơn vị: nạp danh mục trước, hoặc sửa tên/mã.')
        end
    from n left join unit p on p.id = n.parent_id
    where n.unit_id is null and n.subject_kind <> 'civil_servant'
    union all
    select n.part_id, n.rn, 'unit_code', coalesce(clean(n.unit_raw), ''), unit_name_conflict(cu.code, cu.name, n.unit_name_raw, ou.code)
    from n join unit cu on cu.id = n.unit_id join unit ou on ou.id = n.name_conflict_id
    union all
    select part_id, rn, 'decider', decider_raw,
        case when decider_candidates > 1 then 'Tên cấp quyết định trùng nhiều đơn vị: dùng mã.'
             else 'Không có cấp quyết định này trong danh mục đơn vị.' end
    from n where clean(decider_raw) is not null and decider_id is null
    union all
    select x.part_id, x.rn, 'unit_name', coalesce(x.unit_raw, o.name), 'Đơn vị "' || o.name || '" nằm ngoài phạm vi quản lý của người nạp.'
    from norm x join out_of_scope o on o.id = x.unit_id
    union all
    -- a Party member is rated in a chi bộ: rows that fall to a đảng bộ (a title naming only the đảng
    -- bộ, no Chi bộ column) would be counted in no chi bộ (R1, R5)
    select x.part_id, x.rn, 'unit_name', coalesce(x.unit_raw, ''),
        case when x.unit_raw is null and (contains(c.header_fields, ',unit_name,') or contains(c.header_fields, ',unit_code,'))
             then 'Ô chi bộ để trống (ô gộp của Excel để trống khi lưu CSV?): đảng viên phải thuộc một chi bộ, ghi chi bộ cho từng dòng.'
             else 'Đảng viên phải thuộc một chi bộ, "' || u.name || '" là đảng bộ: thêm cột Chi bộ hoặc ghi chi bộ ở tiêu đề (danh sách cán bộ lãnh đạo, quản lý: ghi rõ ở tiêu đề hoặc cột Đối tượng).'
        end
    from norm x
    join (select id, name from unit where kind in ('dang_bo_co_so', 'dang_bo_bo_phan', 'huyen_uy', 'tinh_uy')) u on u.id = x.unit_id
    join file_ctx c on c.part_id = x.part_id
    where x.subject_kind = 'member'
    union all
    -- (the card as the file writes it, "70 013 001": what the sender searches for)
    select k.part_id, k.rn, case when k.card_no is not null then 'card_no' else 'full_name' end,
        case when k.card_no is not null then k.card_raw else k.full_name end,
        dup_person_message(d.first_rn, k.card_no)
    from person_key k
    join dup_person d
      on d.part_id = k.part_id and d.subject_kind = k.subject_kind and d.period_year is not distinct from k.period_year
     and d.period_kind = k.period_kind and d.period_no = k.period_no and d.card_no is not distinct from k.card_no
     and d.k_name is not distinct from k.k_name and d.k_birth is not distinct from k.k_birth and d.k_unit is not distinct from k.k_unit
    where k.rn > d.first_rn
    union all
    select x.part_id, x.rn, 'unit_name', x.unit_raw, 'Tổ chức/tập thể trùng trong cùng danh sách (dòng ' || d.first_rn || ').'
    from norm x
    join dup_org d
      on d.part_id = x.part_id and d.subject_kind = x.subject_kind and d.period_year is not distinct from x.period_year
     and d.period_kind = x.period_kind and d.period_no = x.period_no and d.unit_id = x.unit_id
    where x.rn > d.first_rn
)
select * from errs order by part_id, rn, field;

-- step: identity_in
-- agency: for a row with no unit, the agencies its cell and the title name (identity.sql places it);
-- for a civil servant's row naming a chi bộ too: the agency is where its list is judged (merge)
create or replace temp table ident_in as
select n.rk, n.file_id, n.rn, n.period_year as year, n.card_no, n.full_name, n.name_key, n.birth_date, n.birth_year, null::varchar as sex, n.unit_id, n.joined_party_on, n.joined_party_by,
    case when n.unit_id is null or n.subject_kind = 'civil_servant' then nullif(concat_ws(' / ', n.agency, c.title_agency), '') end as agency,
    null::integer as search_unit_id,
    -- (a "Ngày chuyển đến" in the year, not the admission: moved, as roster.sql says)
    coalesce(year(n.joined_unit_on) = n.period_year and n.joined_unit_on is distinct from n.joined_party_on, false) as moved
from norm n
join file_ctx c using (part_id)
where n.subject_kind in ('member', 'leader', 'civil_servant');

-- step: merge
create or replace temp table rating_skipped as select part_id, rn, unit_raw, skip_why from norm where skip_why is not null;
delete from norm where skip_why is not null;

insert into rating (
    period_year, period_kind, period_no, subject_kind, person_id, subject_unit_id, unit_id,
    deciding_unit_id, position, is_head, joined_unit_on, group_name, self_level, proposed_level,
    final_level, civil_servant_level, score, decided_on, reviewed_on, sick_leave_days, sick_leave_months, sick_leave_is_absence,
    not_rated_reason, note, agency, agency_unit_id, source_file_id, source_row)
with units as (
    select id, code, kind, path, depth, parent_code, name_key from unit
),

-- Who decides when the list does not say (HD 21): a chi bộ cơ sở decides for its members; the
-- đảng ủy cơ sở above decides for members of its chi bộ trực thuộc and for its sub-organisations;
-- an organisation with no grassroots body above is decided by its parent. A level column naming
-- the body ("Chi bộ quyết định", "BTV Đảng ủy quyết định": file_ctx.decider_level, header.ts
-- deciderLevelOf) says which: the unit or its nearest ancestor of that level (the default where it
-- has none). Worked out once per (unit, subject kind, level named), not per row.
pending as (
    select distinct n.unit_id, n.subject_kind, c.decider_level
    from norm n join file_ctx c using (part_id)
    where n.decider_id is null and n.unit_id is not null
),

-- the codes on each pending unit's path are its ancestors (and itself): an equality join on them,
-- where a prefix test (starts_with on paths) compared every pending unit with every grassroots body
pending_ancestor as (
    select p.unit_id, p.subject_kind, p.decider_level, u.kind as unit_kind, unnest(string_split(trim(u.path, '/'), '/')) as ancestor_code
    from pending p
    join units u on u.id = p.unit_id
),

grassroots as (
    select p.unit_id, p.subject_kind, a.id as grassroots_id,
        row_number() over (partition by p.unit_id, p.subject_kind order by a.depth desc) as k
    from pending_ancestor p
    join units a on a.code = p.ancestor_code and a.kind in ('dang_bo_co_so', 'chi_bo_co_so')
                    and (a.id <> p.unit_id or (p.subject_kind = 'member' and p.unit_kind = 'chi_bo_co_so'))
),

parent as (
    select p.unit_id, pu.id as parent_id
    from (select distinct unit_id from pending) p
    join units u on u.id = p.unit_id
    join unit pu on pu.code = u.parent_code
),

named as (
    select p.unit_id, p.subject_kind, p.decider_level, a.id as decider_id,
        row_number() over (partition by p.unit_id, p.subject_kind, p.decider_level order by a.depth desc) as k
    from pending_ancestor p
    join units a on a.code = p.ancestor_code
    where list_contains(case p.decider_level
                            when 'chi_bo' then ['chi_bo_co_so', 'chi_bo_truc_thuoc']
                            when 'dang_uy' then ['dang_bo_co_so']
                            when 'huyen_uy' then ['huyen_uy']
                            when 'thanh_uy' then ['huyen_uy', 'tinh_uy']
                            when 'tinh_uy' then ['tinh_uy']
                        end, a.kind)
      -- a Thành ủy is a city's, a province's or the capital's: the city above, not a Quận ủy within it
      and (p.decider_level <> 'thanh_uy' or starts_with(a.name_key, 'dang bo thanh pho'))
),

default_decider as (
    select p.unit_id, p.subject_kind, p.decider_level, coalesce(nd.decider_id, g.grassroots_id, pa.parent_id) as decider_id
    from pending p
    left join named nd on nd.unit_id = p.unit_id and nd.subject_kind = p.subject_kind and nd.decider_level = p.decider_level and nd.k = 1
    left join grassroots g on g.unit_id = p.unit_id and g.subject_kind = p.subject_kind and g.k = 1
    left join parent pa on pa.unit_id = p.unit_id
)

select
    n.period_year, n.period_kind, n.period_no, n.subject_kind, i.person_id,
    case when n.subject_kind in ('party_org', 'leadership') then n.unit_id end,
    n.unit_id,
    -- a civil-servant list naming its agency (title, letterhead, column) is decided by that agency (NĐ
    -- 90, NĐ 335), not by the party body above the chi bộ a row names: none unless a column says
    coalesce(n.decider_id, if(ca.agency is null, dd.decider_id, null)),
    tidy(n.position), coalesce(n.is_head, head_by_scope(n.head_scope, n.subject_kind, hu.kind)), n.joined_unit_on, tidy(n.group_name), n.self_level, n.proposed_level,
    n.final_level, n.civil_servant_level, n.score, n.decided_on, n.reviewed_on, n.sick_leave_days, n.sick_leave_months, n.sick_leave_is_absence,
    -- a subject not rated whose note states a status ("Được miễn công tác và sinh hoạt đảng",
    -- status_dict) or a reason ("Mới kết nạp ngày 15/9/2022"): the note says why, where nothing else
    -- does — a bare "Không xếp loại" in the level cell says only that there is no level, and on an
    -- organisation list the note beside it, whatever it says ("Mới thành lập ngày 01/7/2025, chưa đủ
    -- 6 tháng" of a merged chi bộ), is the claim R4 quotes for the inspector to refute; a member's
    -- note only when it says why (a member list's Ghi chú holds posts, family and admission dates
    -- too: "Bí thư chi bộ", "Gia đình chính sách", "Kết nạp ngày 10/3/2024" is no reason)
    coalesce(tidy(n.not_rated_reason), if(n.final_not_rated_bare, null, n.final_not_rated_text),
             case when n.final_level is null and (n.note_says_why or (n.final_not_rated_text is not null and n.subject_kind <> 'member')) then tidy(n.note) end,
             case when n.final_level is null and n.subject_kind = 'member' then tidy(n.section_status) end,
             n.final_not_rated_text),
    -- a civil-servant row: the agency its title names ("UBND XÃ BÙ ĐĂNG") where no column does, which
    -- R1 groups it by and which tells one commune's list from another's — a row naming its chi bộ
    -- too: the chi bộ only places the person, the list is still the agency's
    tidy(n.note), tidy(coalesce(n.agency, ca.agency)),
    -- … and the party unit that agency is placed in (agency_unit.sql, as identity.sql places the rows
    -- with no unit), where R1 and R4 judge the agency's list (schema 012); an agency the registry
    -- does not place, on rows naming their chi bộ: their party organisation
    ca.unit_id,
    n.file_id, n.rn
from norm n
join file_ctx c using (part_id)
left join ident_out i on i.rk = n.rk
left join (
    select n.rk, coalesce(n.agency, c.title_agency) as agency, coalesce(au.unit_id, us.g) as unit_id
    from norm n
    join file_ctx c using (part_id)
    left join agency_unit au on au.agency = concat_ws(' / ', n.agency, c.title_agency) and au.year is not distinct from n.period_year
    left join unit_scope us on us.unit_id = n.unit_id and coalesce(n.agency, c.title_agency) is not null
    where n.subject_kind = 'civil_servant'
) ca on ca.rk = n.rk
-- (a plain equality join: with "and n.decider_id is null" in it DuckDB compared every row with
-- every pending unit; the coalesce above keeps the list's own decider first)
left join default_decider dd on dd.unit_id = n.unit_id and dd.subject_kind = n.subject_kind and dd.decider_level is not distinct from c.decider_level
-- the kind of the units leaders are headed by title in (a few): a chi bộ's Bí thư or a đảng bộ's
left join (select u.id, u.kind from unit u
           semi join (select distinct unit_id from norm where subject_kind = 'leader' and is_head is null and len(head_scope) > 0) k
               on k.unit_id = u.id) hu on hu.id = n.unit_id
order by n.file_id, n.rn;

-- step: supersede
-- A corrected list replaces the earlier one (that it rates someone of, below) for the same deciding
-- body, unit, subject kind and period (a list with no unit, a People's Committee's civil servants: the same agency too, or two
-- communes' lists would replace each other): of the current rows of a list, those not from its
-- current file are marked with the file that replaced them, and stay queryable. The current file:
-- the one decided last when every version gives its decision date (files come in any order: "… (bản
-- sửa).csv" sorts, and loads, before the list it corrects), else the one of the latest load; of
-- versions of one load (its files' order is the order they were named in), one whose file name or
-- title says it corrects (says_corrected: "bản sửa", "điều chỉnh", "gửi lại"…, a title marked "(BẢN
-- SỬA)", "(ĐÃ ĐIỀU CHỈNH)", "- Bản sửa lần 2") before one that does not, then the
-- one loaded last. A list of proposals (self-ratings, the chi bộ's proposals, and no level decided:
-- what a chi bộ sends up to its đảng ủy) is no version of a decided list: the decided one stays
-- current, whichever came first.
-- A supplementary list ("DANH SÁCH BỔ SUNG …": functions.sql supplements) is no version: it adds its
-- rows to the current file's; a person (or unit) it rates again has only that row replaced. A full
-- version after it is the whole list again and replaces it too. (Of one load and date, a supplement
-- comes after the list it is loaded with.)
update source_file set supplements = supplements(c.file_name, c.title_lines)
from file_ctx c
where source_file.id = c.file_id and c.file_kind in ('rating', 'civil_servant');

-- each version (file) of each list, with its decision date and what its name, title say
create or replace temp table list_file as
select x.*, f.loaded_at, coalesce(t.corrects, corrects(f.file_name)) as corrects, coalesce(f.supplements, false) as supplements
from (
    select c.deciding_unit_id, c.unit_id, if(c.unit_id is null, c.agency, null) as list_agency, c.subject_kind, c.period_year, c.period_kind, c.period_no,
        c.source_file_id, max(c.decided_on) as decided_on,
        proposals_only(c.final_level, c.proposed_level, c.self_level) as proposal
    from rating c
    -- (a semi join on the batch's distinct keys: as a correlated exists, DuckDB took the
    -- distinct keys of every stored rating first, 4,6 million on a national store, 10 s)
    semi join (select distinct period_year, subject_kind, unit_id from norm) n
        on n.period_year = c.period_year and n.subject_kind = c.subject_kind
       and n.unit_id is not distinct from c.unit_id
    where c.superseded_by is null
    group by all
) x
join source_file f on f.id = x.source_file_id
-- a file of this load says it corrects by its name or its title ("… (BẢN SỬA)"): a clerk re-sending
-- a list retitles it as often as renames it (an earlier load's file: by its name; its order against
-- this load's is by load time anyway)
left join (select file_id, bool_or(says_corrected(file_name, title_lines)) as corrects from file_ctx group by file_id) t
    on t.file_id = x.source_file_id;

-- Which version replaces which: a later version (not a supplement) replaces an earlier one when it
-- rates again someone the earlier one rates — a correction rates again most of whom it corrects.
-- Lists that rate no one in common stay in force side by side: a Ban Thường vụ's cadres, one list
-- per group of posts; two old chi bộ merged into one, each sending its December list under its old
-- name (normalise moved both to the successor); and a correction of one of them leaves the other.
-- (A list that corrects another by rating wholly other people, the wrong chi bộ's list sent first,
-- stays beside it: "rated twice" warnings name them.)
create or replace temp table list_version as
select v.*,
    [(not v.proposal)::int, if(bool_and(v.decided_on is not null) over w, epoch(v.decided_on), 0), epoch(v.loaded_at), v.supplements::int, v.corrects::int, v.source_file_id] as ord,
    dense_rank() over (order by v.deciding_unit_id, v.unit_id, v.list_agency, v.subject_kind, v.period_year, v.period_kind, v.period_no) as lid,
    count(*) over w as versions
from list_file v
window w as (partition by v.deciding_unit_id, v.unit_id, v.list_agency, v.subject_kind, v.period_year, v.period_kind, v.period_no);

-- the current rows of each list, with their version; the people (organisations) each version of a
-- list with several versions rates
create or replace temp table list_row as
select r.id, coalesce(r.person_id, r.subject_unit_id) as subject, r.source_file_id, v.ord, v.lid, v.supplements, v.versions
from rating r
join list_version v
  on v.source_file_id = r.source_file_id
 and r.deciding_unit_id is not distinct from v.deciding_unit_id
 and r.unit_id is not distinct from v.unit_id
 and if(r.unit_id is null, r.agency, null) is not distinct from v.list_agency
 and r.subject_kind = v.subject_kind
 and r.period_year = v.period_year
 and r.period_kind = v.period_kind
 and r.period_no = v.period_no
where r.superseded_by is null;

create or replace temp table version_subject as
select distinct lid, source_file_id, subject from list_row where versions > 1;

-- each version some later version (not a supplement) sharing someone with it replaces: the last such;
-- a supplement, any later version (the whole list again)
create or replace temp table version_replaced as
with shares as (
    select distinct x.lid, x.source_file_id as a, y.source_file_id as b
    from version_subject x
    join version_subject y on y.lid = x.lid and y.subject = x.subject and y.source_file_id <> x.source_file_id
)
select a.lid, a.source_file_id, arg_max(b.source_file_id, b.ord) as by
from list_version a
join list_version b on b.lid = a.lid and b.source_file_id <> a.source_file_id
left join shares s on s.lid = a.lid and s.a = a.source_file_id and s.b = b.source_file_id
where a.versions > 1 and not b.supplements and b.ord > a.ord and (a.supplements or s.b is not null)
group by a.lid, a.source_file_id;

update rating r
set superseded_by = x.by
from (
    -- the current rows of each list, and what replaces their version
    with cur as (
        select l.*, vr.by as replaced_by
        from list_row l
        left join version_replaced vr on vr.lid = l.lid and vr.source_file_id = l.source_file_id
    )
    -- a row of a version no longer in force: replaced by the version that replaced it
    select id, replaced_by as by from cur where replaced_by is not null
    union all
    -- a row in force that a later supplement in force rates again: replaced by the last such supplement
    select a.id, arg_max(b.source_file_id, b.ord)
    from cur a
    join cur b on b.lid = a.lid and b.subject = a.subject and b.replaced_by is null and b.supplements and b.ord > a.ord
    where a.replaced_by is null
    group by a.id
) x
where r.id = x.id;

drop table list_row;
drop table version_subject;
drop table version_replaced;
drop table list_version;
drop table list_file;

-- step: warnings
-- A score cell with no number ("Không chấm", "Chưa chấm", "-"): stored without a score (R9 says where
-- one is owed), said.
select part_id,
    count(*) || ' dòng ghi ở cột Điểm chữ không phải số điểm (' || first_five(list('dòng ' || rn || ': "' || score_raw || '"' order by rn))
    || '): lưu là không có điểm.' as message
from norm
where score_raw is not null and not regexp_matches(score_raw, '[0-9]') and clean(score_raw) is not null
group by part_id

union all

-- A note that speaks of sick leave without a length the ingest can read ("Nghỉ ốm dài ngày", "Nghỉ
-- ốm gần 3 tháng"; note_leave): R6 cannot judge the row, and a finding missed unsaid is worse
-- than a warning. Stored without sick leave; the sender is told what to write.
select part_id,
    count(*) || ' dòng ghi nghỉ ốm ở cột Ghi chú nhưng không đọc được thời gian nghỉ (' || first_five(list('dòng ' || rn || ': "' || note || '"' order by rn))
    || '): không kiểm tra được quy định nghỉ ốm (R6) cho các dòng này. Ghi số ngày, số tháng ("Nghỉ ốm 4 tháng") hoặc từ ngày đến ngày, hay thêm cột Số ngày nghỉ ốm.' as message
from norm
where sick_in_note and not sick_leave_is_absence and sick_leave_days is null and sick_leave_months is null
group by part_id

union all

-- A leader whose "Đơn vị công tác" names no party unit, agency or locality of the registry ("Công an
-- tỉnh" where no chi bộ bears its name): filed under the list's unit, which may not be theirs — where
-- that unit is above the grassroots (a commune's list, "Ủy ban MTTQ xã", is the commune's own).
select n.part_id,
    count(*) || ' dòng ghi đơn vị công tác không khớp tổ chức đảng, cơ quan hay xã, phường nào trong danh mục ('
    || first_five(list('dòng ' || n.rn || ': "' || n.agency || '"' order by n.rn))
    || '): đã ghi vào ' || u.name || ' (đơn vị ở tiêu đề). Nếu cán bộ thuộc tổ chức đảng khác, ghi tên tổ chức đảng hoặc xã, phường nơi công tác rồi gửi lại.' as message
from norm n
join unit u on u.id = n.unit_id
where n.agency_unplaced and n.agency_unit_candidates is null and u.kind not in ('dang_bo_co_so', 'chi_bo_co_so', 'dang_bo_bo_phan', 'chi_bo_truc_thuoc')
group by n.part_id, u.name

union all

-- … and one whose cell names a party unit ("Bí thư Chi bộ Trường Tiểu học A") found nowhere in the
-- list's unit, or several there: filed under the list's unit, whatever its level, where the post does
-- not make them its head (R3 compares them with nothing)
select n.part_id,
    'Tệp "' || c.file_name || '": ' || count(*) || ' dòng ghi ở cột "' || coalesce(c.agency_header, 'Đơn vị công tác') || '" tên tổ chức đảng '
    || if(n.agency_unit_candidates > 1, 'trùng tên với nhiều đơn vị', 'không có') || ' trong danh mục của ' || u.name || ' ('
    || first_five(list('dòng ' || n.rn || ': "' || n.agency || '"' order by n.rn))
    || '): đã ghi vào ' || u.name || ' (đơn vị ở tiêu đề), không phải tổ chức đảng ghi trong ô, nên không so được xếp loại của người đứng đầu với xếp loại của tổ chức đó (R3). '
    || 'Sửa tên tổ chức đảng cho đúng như trong danh mục, hoặc thêm cột Mã đơn vị, rồi gửi lại.' as message
from norm n
join unit u on u.id = n.unit_id
join file_ctx c on c.part_id = n.part_id
where n.agency_unplaced and n.agency_unit_candidates is not null
group by n.part_id, c.file_name, c.agency_header, u.name, n.agency_unit_candidates > 1

union all

-- Rows skipped (normalise): collectives of the State or mass organisations; the Ban Chấp hành of a
-- đảng bộ whose Ban Thường vụ the list rates too.
select part_id,
    count(*) || if(skip_why = 'state', ' dòng là tập thể chính quyền, đoàn thể, không phải tổ chức đảng (',
                    ' dòng xếp loại Ban Chấp hành (Đảng ủy) của đảng bộ mà danh sách cũng xếp loại Ban Thường vụ (')
    || first_five(list('dòng ' || rn || ': "' || unit_raw || '"' order by rn))
    || if(skip_why = 'state', '): không lưu, không kiểm tra.',
          '): Giám Sát giữ một tập thể lãnh đạo cho mỗi đảng bộ, là Ban Thường vụ; dòng này không lưu, không kiểm tra.') as message
from rating_skipped
group by part_id, skip_why

union all

-- Rows naming a unit, or a deciding body in a "Cấp quyết định" cell, dissolved before the list's
-- decision (a December list of a chi bộ merged in July; decided by a Huyện ủy abolished on
-- 30/06/2025): a unit moved to its successor, or left as written where it has several or none
-- (normalise); a body stored as written. The file names them and the dates.
select c.part_id,
    'Tệp "' || c.file_name || '": ' || sum(x.n) || ' dòng ghi ' || x.what || ' đã giải thể trước ngày quyết định ('
    || string_agg(x.entry, '; ' order by x.entry) || '): kiểm tra lại '
    || if(x.what = 'đơn vị', 'tên đơn vị trong danh sách.', 'cấp quyết định của danh sách.') as message
from (
    select n.part_id, 'đơn vị' as what, count(*) as n,
        w.name || ': giải thể ngày ' || vi_date(n.unit_gone_on)
        || if(n.unit_id <> n.unit_written_id, ', đã ghi vào đơn vị kế tục ' || u.name,
              ', giữ như danh sách ghi (không có một đơn vị kế tục duy nhất, hoặc đơn vị kế tục đã được xếp loại ở dòng khác)') as entry
    from norm n
    join unit w on w.id = n.unit_written_id
    join unit u on u.id = n.unit_id
    where n.unit_written_id is not null
    group by n.part_id, n.unit_id, n.unit_written_id, n.unit_gone_on, w.name, u.name
    union all
    select n.part_id, 'cấp quyết định', count(*),
        u.name || ': giải thể ngày ' || vi_date(u.dissolved_on) || ', quyết định ngày ' || vi_date(max(n.decided_on))
    from norm n
    join unit u on u.id = n.decider_id
    where n.decider_raw is not null and u.dissolved_on < n.decided_on
    group by n.part_id, u.id, u.name, u.dissolved_on
) x
join file_ctx c on c.part_id = x.part_id
group by c.part_id, c.file_name, x.what

union all

-- A member this load rates whom another list in force rates for the same period (another chi bộ; the
-- same chi bộ under another deciding body, which no list of the other replaces): a member is rated
-- once, in the chi bộ of their membership, and R1 would count both. The file names them and the
-- other list.
select c.part_id,
    'Tệp "' || c.file_name || '": ' || count(distinct m.person_id) || ' đảng viên đã có kết quả xếp loại khác trong cùng kỳ ở danh sách còn hiệu lực ('
    || first_five(list('dòng ' || m.source_row || ': ' || p.full_name || ' (' || ou.name || ', "' || sf.file_name || '")' order by m.source_row, sf.file_name))
    || '): mỗi đảng viên chỉ được xếp loại một lần, ở chi bộ nơi sinh hoạt; R1 tính cả hai. Nếu tệp này là bản sửa của danh sách kia, ghi cùng đơn vị và cấp quyết định; nếu không, sửa danh sách ghi sai.' as message
from (
    select r.person_id, r.period_year, r.period_kind, r.period_no, r.source_file_id, r.source_row
    from rating r
    where r.source_file_id in (select file_id from file_ctx)
      and r.superseded_by is null and r.subject_kind = 'member' and r.final_level is not null
) m
join rating o
    on o.person_id = m.person_id and o.period_year = m.period_year and o.period_kind = m.period_kind and o.period_no = m.period_no
   and o.source_file_id <> m.source_file_id
   and o.superseded_by is null and o.subject_kind = 'member' and o.final_level is not null
join person p on p.id = m.person_id
join source_file sf on sf.id = o.source_file_id
join unit ou on ou.id = o.unit_id
join file_ctx c on c.file_id = m.source_file_id
group by c.part_id, c.file_name

union all

-- A civil servant's chi bộ cell naming several units of the registry ("Chi bộ thôn 1" on a People's
-- Committee's list, the title naming no đảng bộ to look in): the row is kept (the list is the
-- agency's, errors), the person looked for by their agency, not their chi bộ; said, with what to write.
select c.part_id,
    'Tệp "' || c.file_name || '": ' || count(*) || ' dòng ghi chi bộ trùng tên với nhiều đơn vị trong danh mục ('
    || first_five(list('dòng ' || n.rn || ': "' || n.unit_raw || '" (' || n.unit_candidates || ' đơn vị)' order by n.rn))
    || '): không xác định được chi bộ của người ở các dòng này, người được tìm theo cơ quan. Ghi mã chi bộ (cột Mã đơn vị) hoặc thêm cột Đảng bộ bên cạnh cột Chi bộ rồi gửi lại.' as message
from norm n
join file_ctx c using (part_id)
where n.subject_kind = 'civil_servant' and n.unit_id is null and n.unit_candidates > 1
group by c.part_id, c.file_name

union all

-- Rows with no unit and no card (a civil-servant list) that their agency places in no party
-- organisation (identity.sql's ident_unplaced): each is a person of their own, never the party
-- member they may be, so R3 and R8 cannot compare their two ratings. The file says why and what to add.
select n.part_id,
    'Tệp "' || c.file_name || '": ' || count(*) || ' người (dòng '
    || first_five(list(n.rn::varchar order by n.rn))
    || ') không đối chiếu được với đảng viên đã có: '
    || case
           when n.agency is null then 'danh sách không ghi đơn vị (cột Mã đơn vị / Chi bộ) và không ghi cơ quan (tiêu đề "UBND XÃ …", cột Cơ quan công tác)'
           when n.n > 1 then 'cơ quan "' || n.agency || '" ứng với ' || n.n || ' tổ chức đảng khác nhau trong danh mục'
           else 'cơ quan "' || n.agency || '" không khớp tổ chức đảng nào trong danh mục (đảng bộ của xã, phường, huyện nơi cơ quan đóng, hoặc chi bộ mang tên cơ quan)'
       end
    || '. Mỗi người được lưu thành hồ sơ riêng, nên việc so xếp loại đảng viên với xếp loại công chức (R3, R8) bỏ sót họ. Thêm cột Mã đơn vị / Chi bộ, ghi cơ quan ở tiêu đề, hoặc nạp lại với --unit MÃ (đảng bộ nơi cơ quan đóng).' as message
from (
    select n.part_id, n.rn, u.agency, u.n
    from norm n join ident_unplaced u on u.rk = n.rk
) n
join file_ctx c on c.part_id = n.part_id
group by n.part_id, c.file_name, n.agency, n.n

union all

-- A list of this load that is not the current version of its list on arrival: decided before the
-- version already held (supersede). Stored as the earlier version; the file says so.
select x.part_id,
    'Tệp "' || c.file_name || '": ' || x.n || ' dòng thuộc danh sách đã có '
    || case
           when x.proposal then
               'bản đã quyết định "' || sf.file_name || '": tệp này chỉ ghi mức tự xếp loại, đề xuất, chưa có mức do cấp có thẩm quyền quyết định,'
               || ' nên bản đã quyết định vẫn là bản hiện hành; các dòng này được lưu để tra cứu, không tính là kết quả xếp loại.'
           when sf.supplements then
               'danh sách bổ sung "' || sf.file_name || '"' || coalesce(' (quyết định ngày ' || vi_date(x.later_on) || ')', '')
               || ' xếp loại lại cùng người: kết quả của danh sách bổ sung là kết quả hiện hành, các dòng này được lưu làm bản trước.'
           when x.later_on > x.decided_on then
               'bản quyết định sau ("' || sf.file_name || '", ngày ' || vi_date(x.later_on) || ') nên được lưu làm bản trước (quyết định ngày '
               || vi_date(x.decided_on) || '); bản quyết định sau vẫn là bản hiện hành.'
           else
               'bản "' || sf.file_name || '"' || coalesce(' cùng ngày quyết định ' || vi_date(x.decided_on) || ',', ' (ngày quyết định không ghi đủ ở các bản),')
               || ' bản đó được giữ làm bản hiện hành (tên tệp hoặc tiêu đề ghi là bản sửa, hoặc nạp sau) và tệp này được lưu làm bản trước.'
       end
from (
    select p.part_id, r.superseded_by, count(*) as n, max(r.decided_on) as decided_on,
        proposals_only(r.final_level, r.proposed_level, r.self_level) as proposal,
        (select max(l.decided_on) from rating l where l.source_file_id = r.superseded_by) as later_on
    from rating r
    join (select distinct part_id, file_id from norm) p on p.file_id = r.source_file_id
    where r.superseded_by is not null
    group by p.part_id, r.superseded_by
) x
join file_ctx c on c.part_id = x.part_id
join source_file sf on sf.id = x.superseded_by

union all

-- A list of proposals only (no level decided), in force because no decided list is held: its people
-- are not rated yet (R4 says so); the file says why.
select p.part_id,
    'Tệp "' || c.file_name || '": chỉ ghi mức tự xếp loại, đề xuất, chưa có mức do cấp có thẩm quyền quyết định: ' || count(*)
    || ' dòng được lưu nhưng chưa là kết quả xếp loại. Khi có danh sách đã quyết định (cột "Xếp loại", "… quyết định"), nạp danh sách đó.'
from rating r
join (select distinct part_id, file_id from norm) p on p.file_id = r.source_file_id
join file_ctx c on c.part_id = p.part_id
where r.superseded_by is null
group by p.part_id, c.file_name
having proposals_only(r.final_level, r.proposed_level, r.self_level)

union all

-- A full version of this load keeping fewer than half of the people (of 4 or more) of the version it
-- replaced: likely a supplement not titled as one, which took the whole list's place.
select c.part_id,
    'Tệp "' || c.file_name || '": là bản mới của danh sách "' || x.earlier || '" nhưng chỉ giữ ' || x.kept || '/' || x.n
    || ' người của bản đó; bản mới thay cả danh sách nên ' || (x.n - x.kept) || ' người còn lại không còn kết quả xếp loại hiện hành.'
    || ' Nếu tệp chỉ là danh sách bổ sung, ghi "DANH SÁCH BỔ SUNG" hoặc "(BỔ SUNG)" ở tiêu đề (hoặc "bổ sung" trong tên tệp) để được cộng vào danh sách đã có; nếu là danh sách đầy đủ, kiểm tra những người còn thiếu.'
from (
    select o.superseded_by as file_id,
        string_agg(distinct f.file_name, '", "' order by f.file_name) as earlier,
        count(distinct o.person_id) as n,
        count(distinct o.person_id) filter (where k.id is not null) as kept
    from rating o
    join source_file f on f.id = o.source_file_id
    -- (the rows of this load's files only: a hash table of the whole rating table would cost seconds)
    left join (select * from rating where source_file_id in (select file_id from file_ctx)) k
      on k.source_file_id = o.superseded_by and k.person_id = o.person_id and k.subject_kind = o.subject_kind
     and k.period_year = o.period_year and k.period_kind = o.period_kind and k.period_no = o.period_no
    where o.superseded_by in (select c.file_id from file_ctx c join source_file s on s.id = c.file_id where not s.supplements)
    group by o.superseded_by, o.deciding_unit_id, o.unit_id, if(o.unit_id is null, o.agency, null), o.subject_kind, o.period_year, o.period_kind, o.period_no
) x
join file_ctx c on c.file_id = x.file_id
where x.n >= 4 and 2 * x.kept < x.n
order by 1, 2;

-- step: touched
select distinct period_year as year, period_kind, period_no from norm where period_year is not null;
