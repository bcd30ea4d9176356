-- leader_above_unit (R3): a level above the level it may not exceed, in the same period:
--   the head's level above the organisation's or the leadership collective's they head;
--   a leadership collective's level above its organisation's;
--   a member's Party level above their civil-servant level (the lower of the list's column and
--   their civil-servant rating) or above their own rating as a leader (then the member rating is redone).
--
-- Returns one row per rating above its cap (flagged), or a head saved by the newcomer exception
-- (exempted: the roster or the list shows the head joined the unit in the year, 003 §5.11, and last
-- year's roster and ratings do not show them in it or a unit it was formed from in the year; without
-- that data the finding stands). Grain: one row per finding. Levels: 4 excellent .. 1 incomplete.
-- The head of a unit: a leader or member rating marked head (on the list), or the roster's head;
-- their member rating and their leader ratings about that unit are held to the unit's levels.
-- One finding per rating, however many checks it fails.
-- Parameters: r3_newcomer_head_exempt.
-- Seeds: 001 §IV.2.1.2.b–c, §V.5.2 (nguyên tắc); 003 §5.11.
with
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select r.id, r.subject_kind, r.person_id, r.subject_unit_id, r.unit_id, r.is_head, r.final_level, r.civil_servant_level
    from period_rating r
    where r.final_level is not null
),

-- the organisation's and its leadership collective's levels (the lowest where a unit has several)
org_levels as (
    select
        r.subject_unit_id as unit_id,
        min(r.final_level) filter (where r.subject_kind = 'party_org') as org_level,
        min(r.final_level) filter (where r.subject_kind = 'leadership') as coll_level
    from rated r
    where r.subject_kind in ('party_org', 'leadership')
      and r.subject_unit_id is not null
    group by r.subject_unit_id
),

-- who heads which unit rated as an organisation or collective in the period: a leader or member
-- rating marked head (the unit it is about), the roster's head (a quarter rates leaders only:
-- then no roster is read through). A head marked on both is there twice: heads_over keeps one row
-- per rating (making them distinct cost 0,1 s a year)
head_of as (
    select h.person_id, h.unit_id
    from (
        select r.person_id, r.unit_id from rated r where r.is_head and r.subject_kind in ('leader', 'member')
        union all
        select m.person_id, m.unit_id from period_roster m where m.is_head
    ) h
    semi join org_levels o on o.unit_id = h.unit_id
    where h.person_id is not null
),

head_caps as (
    select
        h.person_id,
        h.unit_id as headed_unit_id,
        o.org_level,
        o.coll_level,
        least(o.org_level, o.coll_level) as cap
    from head_of h
    join org_levels o on o.unit_id = h.unit_id
),

-- the head's own ratings above a cap: their leader ratings about the unit they head, and their
-- member rating, beside each unit they head
over_cap as (
    select r.*, c.headed_unit_id, c.org_level, c.coll_level, c.cap
    from head_caps c
    -- the heads' ratings first: a semi join against the heads, whose `is not null` lets DuckDB push
    -- a Bloom filter of them into the scan of the ratings (one in fourteen members is a head)
    join (select * from rated r semi join head_of h on h.person_id = r.person_id and h.person_id is not null
          where r.subject_kind in ('member', 'leader')) r
        on r.person_id = c.person_id
       and (r.subject_kind = 'member' or (r.subject_kind = 'leader' and r.unit_id = c.headed_unit_id))
    where r.final_level > c.cap
),

-- … and the units they head, for whether they came to them in the year
over_cap_heads as (
    select distinct o.person_id, o.headed_unit_id as unit_id from over_cap o
),

-- the heads who came to the unit they head in the year, from elsewhere (003 §5.11): a "Ngày chuyển
-- đến" of the year (the roster's, or any list's of the year, whatever its period) into that unit or
-- a chi bộ under it (a đảng bộ's head holds membership in one of its chi bộ), whatever its day (the
-- Bí thư posted to a commune on the day it was formed arrived), unless last year shows them in the
-- unit already (the forebears below). Asked only of the heads rated above a cap (a few hundred of a
-- country's 300 000 heads)
moves as (
    select m.person_id, m.unit_id, m.joined_unit_on
    from period_roster m
    semi join over_cap_heads h on h.person_id = m.person_id and h.person_id is not null
    -- (the year as a range of days: a filter the scan applies, where year() was computed for every row)
    where m.joined_unit_on between make_date(getvariable('period_year'), 1, 1) and make_date(getvariable('period_year'), 12, 31)
    union all
    select r.person_id, r.unit_id, r.joined_unit_on
    from rating_current r
    semi join over_cap_heads h on h.person_id = r.person_id and h.person_id is not null
    where r.period_year = getvariable('period_year')
      and r.joined_unit_on between make_date(getvariable('period_year'), 1, 1) and make_date(getvariable('period_year'), 12, 31)
),

arrived as (
    select distinct h.person_id, h.unit_id
    from moves a
    join over_cap_heads h on h.person_id = a.person_id
    join unit hu on hu.id = h.unit_id
    join unit au on au.id = a.unit_id
    where starts_with(au.path, hu.path)
),

-- where the headed unit's people were last year: the unit and, back through unit_lineage, the units
-- it was formed from in the year (merged, split, renamed): a head who was there came over with it,
-- whatever day the list gives. A lineage dated before the year is not followed (by last year the
-- people had moved with it; a chi bộ's head who left the chi bộ it split from years ago did arrive);
-- one of no date is
forebears as (
    with recursive back(unit_id, code, path) as (
        select u.id, u.code, u.path
        from unit u
        semi join arrived a on a.unit_id = u.id
        union
        select b.unit_id, pu.code, pu.path
        from back b
        join unit_lineage l on l.to_code = b.code
        join unit pu on pu.code = l.from_code
        where l.effective_on is null or l.effective_on >= make_date(getvariable('period_year'), 1, 1)
    )
    select * from back
),

-- the arrivals last year's roster or ratings (a member's or a leader's, of any period) show in the
-- unit or a forebear, or under one
last_year as (
    select m.person_id, m.unit_id
    from membership_current m
    semi join arrived a on a.person_id = m.person_id and a.person_id is not null
    where m.year = getvariable('period_year') - 1
    union all
    select r.person_id, r.unit_id
    from rating_current r
    semi join arrived a on a.person_id = r.person_id and a.person_id is not null
    where r.period_year = getvariable('period_year') - 1
      and r.subject_kind in ('member', 'leader')
),

stayed as (
    select distinct a.person_id, a.unit_id
    from arrived a
    join last_year p on p.person_id = a.person_id
    join unit pu on pu.id = p.unit_id
    join forebears f on f.unit_id = a.unit_id and starts_with(pu.path, f.path)
),

arrivals as (
    select a.person_id, a.unit_id
    from arrived a
    anti join stayed s on s.person_id = a.person_id and s.unit_id = a.unit_id
),

-- where someone heads several units, the one binding hardest (a newcomer's last)
heads_over as (
    select o.* exclude (cap), a.person_id is not null as is_newcomer
    from over_cap o
    left join arrivals a on a.person_id = o.person_id and a.unit_id = o.headed_unit_id
    qualify row_number() over (partition by o.id order by a.person_id is not null, o.cap, o.headed_unit_id) = 1
),

-- the ratings behind those levels (of equal ones, the first), for the few units a finding cites:
-- over every organisation the choice cost more than the levels
level_ratings as (
    select
        r.subject_unit_id as unit_id,
        arg_min(r.id, [r.final_level, r.id]) filter (where r.subject_kind = 'party_org') as org_rating_id,
        arg_min(r.id, [r.final_level, r.id]) filter (where r.subject_kind = 'leadership') as coll_rating_id
    from rated r
    semi join (select unnest(list_concat((select list(h.headed_unit_id) from heads_over h),
                                         (select list(o.unit_id) from org_levels o where o.coll_level > o.org_level))) as id) k
        on k.id = r.subject_unit_id and k.id is not null
    where r.subject_kind in ('party_org', 'leadership')
    group by r.subject_unit_id
),

head_findings as (
    select
        h.id as rating_id,
        h.unit_id,
        if(h.is_newcomer and getvariable('r3_newcomer_head_exempt'), 'exempted', 'flagged') as status,
        'Người đứng đầu {name} (' || hu.name || '): '
            || if(h.subject_kind = 'member', 'xếp loại đảng viên ', '') || level_short(h.final_level) || ' cao hơn mức của '
            || concat_ws(' và ',
                   if(h.final_level > h.org_level, 'tổ chức đảng (' || level_short(h.org_level) || ')', null),
                   if(h.final_level > h.coll_level, 'tập thể lãnh đạo, quản lý (' || level_short(h.coll_level) || ')', null))
            -- (the reason only where the exception applies: a what-if without it flags the head plainly)
            || if(h.is_newcomer and getvariable('r3_newcomer_head_exempt'), ': mới chuyển đến trong năm, không liên quan mức xếp loại của đơn vị (003 §5.11)', '')
            as message,
        json_object('check', 'head', 'headed_unit', hu.code, 'level', h.final_level, 'org_level', h.org_level,
                    'collective_level', h.coll_level, 'newcomer', h.is_newcomer) as evidence,
        -- the ratings the head's exceeds
        list_filter([if(h.final_level > h.org_level, lr.org_rating_id, null), if(h.final_level > h.coll_level, lr.coll_rating_id, null)],
                    lambda x: x is not null) as other_ids
    from heads_over h
    join units_of((select list(h.headed_unit_id) from heads_over h)) hu on hu.id = h.headed_unit_id
    left join level_ratings lr on lr.unit_id = h.headed_unit_id
),

collective_findings as (
    select
        lr.coll_rating_id,
        o.unit_id,
        'flagged',
        '{subject}: ' || level_short(o.coll_level) || ' cao hơn mức của tổ chức đảng (' || level_short(o.org_level) || ')',
        json_object('check', 'collective', 'level', o.coll_level, 'org_level', o.org_level),
        [lr.org_rating_id]
    from org_levels o
    join level_ratings lr on lr.unit_id = o.unit_id
    where o.coll_level > o.org_level
),

-- members whose Party level is above their civil-servant level (the list's column, and any
-- civil-servant rating of theirs: a level copied wrong onto the Party list does not hide the
-- agency's) or above any of their ratings as a leader
members_over as (
    select m.id
    from rated m
    -- (`is not null`, implied by the comparison, is a filter the scan applies: most members have
    -- no civil-servant level)
    where m.subject_kind = 'member' and m.civil_servant_level is not null and m.final_level > m.civil_servant_level
    union
    -- (the pairs of shared/period_member_pairs.sql)
    select p.member_id
    from period_member_pairs p
    where p.member_level > p.other_level
),

-- … beside their civil-servant level and their lowest leader level (of equal ones, the first rating)
member_checked as (
    select
        m.id,
        m.person_id,
        m.unit_id,
        m.final_level,
        -- the lower of the list's column and the civil-servant ratings (least skips a null)
        least(m.civil_servant_level, min(c.final_level) filter (where c.subject_kind = 'civil_servant')) as cs_level,
        arg_min(c.id, [c.final_level, c.id]) filter (where c.subject_kind = 'civil_servant') as cs_rating_id,
        min(c.final_level) filter (where c.subject_kind = 'leader') as leader_level,
        arg_min(c.id, [c.final_level, c.id]) filter (where c.subject_kind = 'leader') as leader_rating_id
    from keys_of((select list(o.id) from members_over o)) o
    join rated m on m.id = o.id
    left join rated c on c.person_id = m.person_id and c.subject_kind in ('civil_servant', 'leader')
    group by m.id, m.person_id, m.unit_id, m.final_level, m.civil_servant_level
),

member_findings as (
    select
        m.id,
        m.unit_id,
        'flagged',
        '{subject}: xếp loại đảng viên ' || level_short(m.final_level) || ' cao hơn '
            || concat_ws(' và ',
                   if(m.final_level > m.cs_level, 'xếp loại cán bộ, công chức, viên chức (' || level_short(m.cs_level) || ')', null),
                   if(m.final_level > m.leader_level, 'xếp loại cán bộ lãnh đạo, quản lý (' || level_short(m.leader_level) || ')', null)),
        json_object('check', 'member', 'level', m.final_level, 'civil_servant_level', m.cs_level, 'leader_level', m.leader_level),
        list_filter([m.cs_rating_id, m.leader_rating_id], lambda x: x is not null)
    from member_checked m
),

checks as (
    select * from head_findings
    union all select * from collective_findings
    union all select * from member_findings
),

-- one finding per rating, whatever number of checks it fails
findings as (
    select
        c.rating_id,
        any_value(c.unit_id) as unit_id,
        if(bool_or(c.status = 'flagged'), 'flagged', 'exempted') as status,
        string_agg(c.message, '; ' order by c.message) as message,
        if(count(*) = 1, any_value(c.evidence), to_json(list(c.evidence order by c.message))) as evidence,
        flatten(list(c.other_ids)) as other_ids,
        [] as more_sources
    from checks c
    group by c.rating_id
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'leader_above_unit' as rule, 'high' as severity, f.* from findings f
