-- missing_review (R4): what should have been reviewed, rated or sent and was not, or was late.
--   a. a roster member owed a rating for the year and without one (or, where no roster names them,
--      a member a rating list names without a level). Not owed: statuses in
--      r4_not_owed_statuses (exempt, suspended; temporary: rated in the official chi bộ; left: died,
--      expelled, moved out), on the roster or as the reason of their not-rated row, and
--      members admitted less than new_member_months before their own not-rated row's decision date
--      (else their chi bộ's member list's, else the row's review date, else 31/12), counted in calendar months (31/05 + 6 months = 30/11); an admission known by its year
--      or month only, from its last day (joined_party_by, schema 010). A reason written on the list
--      ("vắng mặt", "nghỉ thai sản"…) is no exemption: it is quoted in the message. Exempted:
--      someone of the same folded name and birth (where known) was rated in that chi bộ under another
--      person record (identity in doubt, as the ingest reported: never guessed, kept for checking);
--   b. a rating without a review date, or decided before its review (subject kinds in
--      r4_review_subject_kinds, periods in r4_review_period_kinds: a quarter's assessment has no
--      kiểm điểm meeting); and a member or organisation not rated because new, still owed the
--      review, without a review date on a list that gives them (new_unreviewed);
--   c. a registry unit of a rated kind, founded by the end of the period, without its own
--      organisation rating for the year: alive new_org_months by the date of its not-rated row
--      (else of the list of organisations the nearest body above it decided, else 31/12), its age counted from its oldest predecessor (as in R7); a unit dissolved by
--      its deadline owes nothing;
--   d. a list (the ratings of one deciding body, unit, subject kind and period) decided after the
--      deadline for the deciding body's level (r4_deadlines: per unit kind, '*' otherwise, the
--      province's overrides first; the date itself allowed), reported once per deciding body —
--      the body that was late; a list without a decision date is not judged. A civil-servant list
--      no Party body decided (an agency's, with no Chi bộ column: its agency decides, NĐ 90) is
--      one list per agency, due by the civil-servant deadline for every level ('*': an agency has no
--      Party body's level), reported once per agency under the unit its agency is placed in
--      (rating.agency_unit_id, schema 012), whose scope the finding takes.
-- a, c and d concern the yearly round only.
-- Returns one row per finding; subject_ref: the person (a, b), 'unit:CODE' (b for organisations;
-- c: the unit; d: the deciding body, or the unit an agency is placed in).
-- Parameters: new_member_months, new_org_months, r4_not_owed_statuses, r4_review_subject_kinds,
--   r4_review_period_kinds,
--   r4_deadlines, cs_r4_deadlines.
-- Seeds: 000 §A.1.2, §II.2 (deadlines); 001 §V.4, §V.5.1; 002 (05/12, 08/12, 10/12);
--   003 §5.4, §5.8, §5.10, §5.14.
-- A semi join on a few keys says `key is not null` (a no-op for an equality): DuckDB then pushes a
-- Bloom filter of them into the scan of the millions (shared/macros.sql, the lookups).
with
-- a. roster members owed a rating -------------------------------------------------------------
-- the roster rows (one per member, the last) of members without a rating of their own
roster_unrated as (
    select m.person_id, m.unit_id, m.status, m.joined_party_on, m.joined_party_by, m.source_file_id, m.source_row, false as listed_only
    from period_roster m
    anti join period_rating r
        on r.person_id = m.person_id
       and r.subject_kind = 'member'
       and r.final_level is not null
    where getvariable('period_kind') = 'year'
      and not list_contains(getvariable('r4_not_owed_statuses'), m.status)
    qualify row_number() over (partition by m.person_id order by m.source_file_id desc, m.source_row desc) = 1
),

-- the period's not-rated member rows (a country's 400 000 of its five million), read once for the
-- lists that name them (listed_unrated) and the not-rated rows of the unrated (unrated_members)
not_rated_rows as materialized (
    select r.id, r.person_id, r.unit_id, r.deciding_unit_id, r.decided_on, r.reviewed_on, r.not_rated_reason,
           r.source_file_id, r.source_row
    from period_rating r
    where r.subject_kind = 'member' and r.final_level is null and r.person_id is not null
),

-- members a rating list names without a level, on no roster of the period (a list from a chi bộ
-- that sent none): the list owes them as a roster would. Their row is their not-rated row
-- (unrated_members). Rows whose reason owes nothing ("Miễn sinh hoạt": most of a country's 400 000)
-- go first.
listed_unrated as (
    select r.person_id, r.unit_id, r.not_rated_reason, r.source_file_id, r.source_row
    from not_rated_rows r
    where getvariable('period_kind') = 'year'
),

-- the reasons written on not-rated rows that state a status owed nothing ("Từ trần ngày 10/8/2024",
-- "Chuyển đi …", "Miễn sinh hoạt"), read as a roster's note is (member_statuses): each distinct
-- reason once, a country's 400 000 rows hold a few dozen
not_owed_reasons as (
    select k.v
    from member_statuses((select list(distinct x.not_rated_reason) from listed_unrated x where x.not_rated_reason is not null), true) k
    where list_contains(getvariable('r4_not_owed_statuses'), k.status)
),

list_unrated as (
    select r.person_id, r.unit_id
    from listed_unrated r
    anti join not_owed_reasons k on k.v = r.not_rated_reason
    qualify row_number() over (partition by r.person_id order by r.source_file_id desc, r.source_row desc) = 1
),

unrated_roster as (
    select * from roster_unrated
    union all
    select l.person_id, l.unit_id, null, null, null, null, null, true
    from list_unrated l
    -- (the rows of these few people first: an anti join straight on the roster or the ratings would
    -- hash all of them)
    anti join (select distinct m.person_id from period_roster m semi join list_unrated l on l.person_id = m.person_id and l.person_id is not null) m
        on m.person_id = l.person_id
    anti join (select distinct r.person_id from period_rating r semi join list_unrated l on l.person_id = r.person_id and l.person_id is not null
               where r.subject_kind = 'member' and r.final_level is not null) r
        on r.person_id = l.person_id
),

-- their not-rated rows (the last one each), as a struct: no lookup in the rating table afterwards
unrated_members as (
    select
        r.person_id,
        arg_max({'deciding_unit_id': r.deciding_unit_id, 'reason': r.not_rated_reason,
                 'source_file_id': r.source_file_id, 'source_row': r.source_row}, r.id) as unrated,
        max(r.decided_on) as unrated_on, max(r.reviewed_on) as unrated_reviewed_on
    from not_rated_rows r
    semi join unrated_roster o on o.person_id = r.person_id and o.person_id is not null
    group by r.person_id
),

-- … whose not-rated row says a status owed nothing, as the roster would have had it said so
-- (r4_not_owed_statuses)
reason_not_owed as (
    select u.person_id
    from unrated_members u
    semi join not_owed_reasons k on k.v = u.unrated.reason
),

-- b. ratings without (or before) their review -------------------------------------------------
-- members and organisations not rated because new, who are still reviewed (003 §5.8: "không
-- đánh giá, xếp loại … nhưng vẫn phải kiểm điểm"), with no review date: new by the reason written
-- ("Mới kết nạp", "Mới thành lập") or by the admission or founding less than new_member_months or
-- new_org_months before the row's decision date (else 31/12); a reason that owes nothing (exempt,
-- suspended…: r4_not_owed_statuses) is not concerned. Only on a list that gives review dates (some
-- row of the same file has one): where a list has no "Ngày kiểm điểm" column, its every rated row is
-- already a finding.
new_unrated as (
    select r.id, r.subject_kind, r.person_id, r.subject_unit_id, r.not_rated_reason, r.source_file_id,
           coalesce(r.decided_on, getvariable('period_end')) as as_of
    from period_rating r
    where r.final_level is null
      and r.reviewed_on is null
      and r.subject_kind in ('member', 'party_org')
      and list_contains(getvariable('r4_review_period_kinds'), getvariable('period_kind'))
      and list_contains(getvariable('r4_review_subject_kinds'), r.subject_kind)
),

-- (each reason read once: a country's rows hold a few dozen)
new_reasons as (
    select
        k.v,
        list_contains(getvariable('r4_not_owed_statuses'), k.status) as owes_nothing,
        regexp_matches(fold(k.v), '\bket nap\b') or admitted_lately(k.v) as says_admitted,
        regexp_matches(fold(k.v), '\bthanh lap\b') as says_founded
    from member_statuses((select list(distinct n.not_rated_reason) from new_unrated n where n.not_rated_reason is not null), true) k
),

new_candidates as (
    select n.*, coalesce(k.says_admitted, false) as says_admitted, coalesce(k.says_founded, false) as says_founded
    from new_unrated n
    left join new_reasons k on k.v = n.not_rated_reason
    where not coalesce(k.owes_nothing, false)
),

new_unreviewed as (
    select n.id
    from new_candidates n
    left join persons_of((select list(n.person_id) from new_candidates n)) p on p.id = n.person_id
    -- (an organisation's age from its oldest predecessor, as in R7 and (c): one formed by a merger on
    -- 01/07/2025 is not new, its row's "Mới thành lập" notwithstanding)
    left join (select u.id, a.founded_on
               from units_of((select list(n.subject_unit_id) from new_candidates n)) u
               join unit_ancestry((select list(x.code) from units_of((select list(n.subject_unit_id) from new_candidates n)) x)) a on a.code = u.code) u
        on u.id = n.subject_unit_id
    semi join (select distinct r.source_file_id
               from period_rating r
               semi join keys_of((select list(distinct n.source_file_id) from new_candidates n)) k
                   on k.id = r.source_file_id and k.id is not null
               where r.reviewed_on is not null) f
        on f.source_file_id = n.source_file_id
    where if(n.subject_kind = 'member',
             n.says_admitted
                 or cast(coalesce(p.joined_party_by, p.joined_party_on) + to_months(getvariable('new_member_months')) as date) > n.as_of,
             if(u.founded_on is null, n.says_founded,
                cast(u.founded_on + to_months(getvariable('new_org_months')) as date) > n.as_of))
),

-- (their ids first, then the rows by a list of them, keys_of: the test of two dates is no filter
-- the scan can apply, and reading every column of a country's 6 million rows for a few cost 0,1 s)
unreviewed_ids as (
    select r.id
    from period_rating r
    where r.final_level is not null
      and list_contains(getvariable('r4_review_period_kinds'), getvariable('period_kind'))
      and list_contains(getvariable('r4_review_subject_kinds'), r.subject_kind)
      and (r.reviewed_on is null or r.reviewed_on > r.decided_on)

    union all

    select n.id from new_unreviewed n
),

unreviewed as (
    select r.*
    from period_rating r
    semi join keys_of((select list(u.id) from unreviewed_ids u)) u on u.id = r.id and u.id is not null
),

-- a (cont.) … who owe one: admitted new_member_months before their not-rated row's decision date
-- (else their chi bộ list's, else the row's review date, else 31/12). The admission dates alone first: a date column of the people, where a lookup of their
-- names reads every name of the table (most unrated members are new ones, who owe nothing).
admitted as (
    select p.id, p.joined_party_on, p.joined_party_by
    from person p
    semi join unrated_roster o on o.person_id = p.id and o.person_id is not null
),

-- the admission: the person's, else the roster row's; known by its year or month only, its last
-- day counts (joined_party_by, schema 010): a member admitted late that year is not owed a rating
-- the list never owed. full_on: the day they have been members new_member_months.
admissions as (
    select
        o.*,
        coalesce(a.joined_party_on, o.joined_party_on) as joined_on,
        cast(if(a.joined_party_on is not null, coalesce(a.joined_party_by, a.joined_party_on), coalesce(o.joined_party_by, o.joined_party_on))
             + to_months(getvariable('new_member_months')) as date) as full_on
    from unrated_roster o
    join admitted a on a.id = o.person_id
),

-- the day the chi bộ's member list was decided (and, failing that, reviewed), the latest if several: for a member
-- left off it with no not-rated row, the day the round judged them (RULES.md: six months to the
-- rating's decision date, else 31/12). Read only for the chi bộ of members who came of age in the
-- period, for whom the day can matter.
list_dates as (
    select g.unit_id, max(g.last_decided_on) as list_decided_on, max(g.last_on) as list_on
    -- (the dates of shared/period_member_groups.sql)
    from period_member_groups g
    semi join admissions o on o.unit_id = g.unit_id and o.unit_id is not null and o.full_on > getvariable('period_start')
    group by g.unit_id
),

-- the admission a not-rated reason states where nothing else gives one ("Kết nạp ngày 10/3/2024",
-- "Mới kết nạp ngày 15/9/2024", "Kết nạp 3/2024", "Kết nạp tháng 3 năm 2024", "Kết nạp năm 2015"; a
-- month or a year by its last day, as joined_party_by): the member is judged by it, not skipped as
-- claiming a recent admission
reason_admitted as (
    select v, case when regexp_full_match(d, '\d{4}') then make_date(d::integer, 12, 31)
                   when regexp_full_match(d, '\d{1,2}[/.-]\d{4}') then last_day(parse_date(d))
                   else parse_date(d) end as admitted_on
    -- the numbers after "kết nạp", their separators a sign or the words ("ngày 10 tháng 3 năm
    -- 2024", "tháng 3 năm 2024", "3/2024") made "/"
    from (select distinct u.unrated.reason as v,
                 regexp_replace(regexp_extract(fold(u.unrated.reason),
                                               '\bket nap\D*?(\d{1,2}(\s*([/.-]|thang|nam)\s*\d{1,2}){0,1}\s*([/.-]|nam)\s*\d{4}|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2}|\d{4})', 1),
                                '\s*([/.-]|thang|nam)\s*', '/', 'g') as d
          from unrated_members u where u.unrated.reason is not null)
    where d <> ''
),

-- (the list's date only where it was read: a member of long standing is judged, and said to be, on
-- 31/12 whether or not a newer member of the chi bộ made its list's date read)
owed_rows as (
    select o.* exclude (full_on)
    from (
        select
            o.* replace (coalesce(o.full_on, cast(ra.admitted_on + to_months(getvariable('new_member_months')) as date)) as full_on),
            -- the list's decision date before the not-rated row's review date: the day the round judged
            coalesce(um.unrated_on, if(o.full_on > getvariable('period_start'), ld.list_decided_on, null), um.unrated_reviewed_on,
                     if(o.full_on > getvariable('period_start'), ld.list_on, null), getvariable('period_end')) as as_of,
            um.unrated as nr
        from admissions o
        left join unrated_members um on um.person_id = o.person_id
        left join list_dates ld on ld.unit_id = o.unit_id
        left join reason_admitted ra on ra.v = um.unrated.reason
        anti join reason_not_owed rn on rn.person_id = o.person_id
    ) o
    where (o.full_on is null or o.full_on <= o.as_of)
      -- no admission date anywhere, and the row says the admission is recent ("Mới kết nạp chưa đủ 6
      -- tháng": a member list rarely gives the date): not judged, where the date would have been
      -- ("Chuyển đến chưa đủ 6 tháng" is of something else: admitted_lately)
      and not (o.full_on is null and coalesce(regexp_matches(fold(o.nr.reason), '\bket nap\b') or admitted_lately(o.nr.reason), false))
),

-- someone of the same folded name, and the same birth date or year where both records have one,
-- rated in the same chi bộ under another record: the identity is in doubt (the ingest reported it),
-- so the finding is kept but exempted. The members rated in the owed rows' chi bộ first, then their
-- names: looking the names up first paired each owed row with every namesake in the country
-- (millions of people share the common names).
rated_beside as (
    select distinct r.person_id, r.unit_id
    from period_rating r
    semi join owed_rows o on o.unit_id = r.unit_id and o.unit_id is not null
    where r.subject_kind = 'member' and r.final_level is not null
),

-- the people of a and b and those rated beside them, looked up once
persons as (
    select *
    from persons_of(list_concat((select list(o.person_id) from owed_rows o), (select list(r.person_id) from unreviewed r),
                                (select list(b.person_id) from rated_beside b)))
),

namesakes as (
    select o.person_id, min(p2.card_no) as card_no
    from owed_rows o
    join persons p on p.id = o.person_id
    join rated_beside b on b.unit_id = o.unit_id and b.person_id <> o.person_id
    join persons p2
        on p2.id = b.person_id
       and p2.name_key = p.name_key
       and coalesce(p2.birth_date = p.birth_date, p2.birth_year = p.birth_year, true)
    group by o.person_id
),

-- c. registry units that sent no list ---------------------------------------------------------
org_rows as (
    select
        r.subject_unit_id as unit_id,
        bool_or(r.final_level is not null) as is_rated,
        arg_max({'deciding_unit_id': r.deciding_unit_id, 'reason': r.not_rated_reason,
                 'source_file_id': r.source_file_id, 'source_row': r.source_row}, r.id)
            filter (where r.final_level is null) as unrated,
        max(coalesce(r.decided_on, r.reviewed_on)) filter (where r.final_level is null) as unrated_on
    from period_rating r
    where r.subject_kind = 'party_org' and r.subject_unit_id is not null
    group by r.subject_unit_id
),

-- registry units of a rated kind, founded by the end of the period, without an organisation rating
unrated_units as (
    select u.*, o.unrated as nr, o.unrated_on
    from unit u
    left join org_rows o on o.unit_id = u.id
    where getvariable('period_kind') = 'year'
      and not coalesce(o.is_rated, false)
      and u.kind in (select unit_kind from ref_unit_kind_alias where rated = 'true')
      and (u.founded_on is null or u.founded_on <= getvariable('period_end'))
      -- dissolved before the year: past any deadline of the year already (see alive_units)
      and (u.dissolved_on is null or u.dissolved_on > getvariable('period_start'))
),

-- d. each deciding body's last decision, on Party lists and on civil-servant lists, of those
-- that decided anything after the earliest deadline of any level and province (a constant: the
-- scan skips the rest, a country's millions decided in time)
decider_dates as (
    select r.deciding_unit_id as unit_id, r.is_cs, max(r.decided_on) as last_decided_on
    from period_rating r
    where getvariable('period_kind') = 'year'
      and r.deciding_unit_id is not null
      and r.decided_on > earliest_deadline()
    group by r.deciding_unit_id, r.is_cs
),

-- … and each agency's last decision on a civil-servant list no Party body decided
agency_dates as (
    select r.agency_unit_id as unit_id, r.agency, max(r.decided_on) as last_decided_on
    from period_rating r
    where getvariable('period_kind') = 'year'
      and r.is_cs
      and r.deciding_unit_id is null
      and r.agency_unit_id is not null
      and r.decided_on > earliest_deadline()
    group by r.agency_unit_id, r.agency
),

-- deadlines by the level of the deciding body (rulebooks' r4_deadlines: per unit kind, '*'
-- otherwise, the province's overrides first, its '*' too: of the unit's own code, then, after the
-- 2025 merger, of the province it became part of: merged_province), for the deciding bodies (d) and the dissolved
-- unrated units (c: one dissolved by its deadline owes nothing); for the units agencies are placed
-- in (d, by_kind false), the deadline for every level in the unit's province
unit_deadlines as (
    with bodies as (
        select x.unit_id, x.is_cs, true as by_kind from decider_dates x
        union select x.id, false, true from unrated_units x where x.dissolved_on is not null
        union select x.unit_id, true, false from agency_dates x
    ),
    keyed as (
        select k.unit_id, k.is_cs, k.by_kind, if(k.by_kind, u.kind, '*') as kind, u.province_code,
               merged_province(u.province_code) as merged_code
        from bodies k
        -- (a lookup of the bodies' units: a join built its hash table on the registry's 700 000)
        join units_of((select list(b.unit_id) from bodies b)) u on u.id = k.unit_id
    ),
    -- once per kind and province (a few hundred), not per body (a hundred thousand)
    by_kind as (
        select
            c.is_cs, c.kind, c.province_code,
            cast(strptime(getvariable('period_year') || '-'
                 -- (the province's own before the national: its '*' is every level of the province,
                 -- over the rulebook's per-level ones; within one, the level's before '*')
                 || arg_min(d.md, case d.province when c.province_code then 0 when c.merged_code then 2 else 4 end
                                  + if(d.kind = c.kind, 0, 1)),
                 '%Y-%m-%d') as date) as deadline
        from (select distinct is_cs, kind, province_code, merged_code from keyed) c
        join (select false as is_cs, unnest(getvariable('r4_deadlines'), recursive := true)
              union all
              select true, unnest(getvariable('cs_r4_deadlines'), recursive := true)) d
            on d.is_cs = c.is_cs
           and d.province in (c.province_code, c.merged_code, '*')
           and d.kind in (c.kind, '*')
        group by all
    )
    select k.unit_id, k.is_cs, k.by_kind, b.deadline
    from keyed k
    join by_kind b on b.is_cs = k.is_cs and b.kind = k.kind and b.province_code is not distinct from k.province_code
),

-- c (cont.) … not dissolved by their deadline, and alive new_org_months by then, counted from the
-- oldest predecessor (as R7)
alive_units as (
    select u.*
    from unrated_units u
    left join unit_deadlines dl on dl.unit_id = u.id and not dl.is_cs
    where u.dissolved_on is null
       or u.dissolved_on > coalesce(dl.deadline, getvariable('period_end'))
),

-- c (cont.) the day a unit left off its body's list of organisations was judged, as a member left
-- off their chi bộ's list (list_dates): the day the nearest body above it that decided organisations
-- in the period decided them (else reviewed them), the latest if several (RULES.md, months and days).
-- Read only for units founded less than new_org_months before the period: for the others the day
-- cannot matter, and they are judged, and said to be, on their not-rated row's day, else 31/12, as
-- members of long standing are (a country's 385 000 unrated units cost 0,2 s a year)
org_list_dates as (
    -- (the bodies above each unit, by its path: the rows of the few bodies then, keys_of)
    with above as (
        select c.id, c.i, b.id as body_id
        from (select u.id, unnest(string_split(trim(u.path, '/'), '/')) as code,
                     generate_subscripts(string_split(trim(u.path, '/'), '/'), 1) as i
              from alive_units u
              where cast(u.founded_on + to_months(getvariable('new_org_months')) as date) > getvariable('period_start')) c
        join unit b on b.code = c.code
        where b.id <> c.id
    ),
    lists as (
        select r.deciding_unit_id, max(r.decided_on) as decided_on, max(coalesce(r.decided_on, r.reviewed_on)) as list_on
        from period_rating r
        semi join keys_of((select list(a.body_id) from above a)) k on k.id = r.deciding_unit_id and k.id is not null
        where r.subject_kind = 'party_org'
        group by r.deciding_unit_id
    )
    select a.id, arg_max(coalesce(l.decided_on, l.list_on), a.i) as list_on
    from above a
    join lists l on l.deciding_unit_id = a.body_id
    group by a.id
),

-- d (cont.) the bodies whose last decision is after their deadline, and the agencies
late_bodies as (
    select dd.unit_id, dd.is_cs, dl.deadline
    from decider_dates dd
    join unit_deadlines dl on dl.unit_id = dd.unit_id and dl.is_cs = dd.is_cs and dl.by_kind
    where dd.last_decided_on > dl.deadline
),

late_agencies as (
    select ad.unit_id, ad.agency, dl.deadline
    from agency_dates ad
    join unit_deadlines dl on dl.unit_id = ad.unit_id and dl.is_cs and not dl.by_kind
    where ad.last_decided_on > dl.deadline
),

-- … their decided ratings, grouped into lists (one deciding body, unit, subject kind; an agency's
-- list: one agency); a list is late when decided after the deadline (the date itself allowed)
late_body_rows as (
    select
        r.deciding_unit_id,
        coalesce(r.unit_id, r.subject_unit_id, r.deciding_unit_id) as unit_id,
        cast(null as varchar) as agency,
        r.subject_kind,
        r.id,
        r.decided_on,
        r.source_file_id,
        r.source_row,
        b.deadline
    from late_bodies b
    -- (the late bodies' rows first: on the unit alone, the join is pushed into the scan as a
    -- filter; with the computed is_cs too, all the period's rows were read)
    join (select r.* from period_rating r semi join late_bodies k on k.unit_id = r.deciding_unit_id and k.unit_id is not null) r
        on r.deciding_unit_id = b.unit_id and r.is_cs = b.is_cs
    where r.decided_on is not null

    union all

    -- an agency's list, under the unit its agency is placed in
    select
        cast(null as integer),
        r.agency_unit_id,
        r.agency,
        r.subject_kind,
        r.id,
        r.decided_on,
        r.source_file_id,
        r.source_row,
        b.deadline
    from late_agencies b
    join period_rating r on r.agency_unit_id = b.unit_id and r.agency = b.agency
    where r.is_cs
      and r.deciding_unit_id is null
      and r.decided_on is not null
),

late_lists as (
    select l.*
    from (
        select
            r.deciding_unit_id,
            r.unit_id,
            r.agency,
            r.subject_kind,
            any_value(r.deadline) as deadline,
            max(r.decided_on) as decided_on,
            -- the row cited: the first of the list's last decision
            arg_max({'source_file_id': r.source_file_id, 'source_row': r.source_row}, {'decided_on': r.decided_on, 'first': -r.id}) as cited_row,
            count(*) as n_rows
        from late_body_rows r
        group by r.deciding_unit_id, r.unit_id, r.agency, r.subject_kind
    ) l
    where l.decided_on > l.deadline
),

-- the rows of the late lists, for the sources
late_rows as (
    select r.deciding_unit_id, r.unit_id, r.agency, r.decided_on, r.source_file_id, r.source_row
    from late_body_rows r
    semi join late_lists l
        on l.deciding_unit_id is not distinct from r.deciding_unit_id and l.unit_id = r.unit_id
       and l.agency is not distinct from r.agency and l.subject_kind = r.subject_kind
),

-- the files and units the findings cite, looked up once ----------------------------------------
files as (
    select *
    from files_of(list_concat(
        (select list_concat(list(o.source_file_id), list(o.nr.source_file_id)) from owed_rows o),
        (select list(r.source_file_id) from unreviewed r),
        (select list_concat(list(u.source_file_id), list(u.nr.source_file_id)) from alive_units u),
        (select list(l.source_file_id) from late_rows l)))
),

units as (
    select *
    from units_of(list_concat(
        (select list_concat(list(o.unit_id), list(o.nr.deciding_unit_id)) from owed_rows o),
        (select list_concat(list(r.unit_id), list(r.subject_unit_id), list(r.deciding_unit_id)) from unreviewed r),
        (select list_concat(list(u.id), list(u.nr.deciding_unit_id)) from alive_units u),
        (select list_concat(list(l.deciding_unit_id), list(l.unit_id)) from late_lists l)))
),

-- the successors of the owed rows' units dissolved in the period (a chi bộ merged in July 2025): the
-- finding says where the member's rating was to be looked for
successors as (
    select l.from_code, string_agg(distinct t.name, ', ' order by t.name) as names
    from unit_lineage l
    join unit t on t.code = l.to_code
    semi join units u on u.code = l.from_code and u.dissolved_on between getvariable('period_start') and getvariable('period_end')
    group by l.from_code
),

-- the findings --------------------------------------------------------------------------------
roster_findings as (
    select
        if(ns.person_id is null, 'flagged', 'exempted') as status,
        o.unit_id,
        o.nr.deciding_unit_id,
        'member' as subject_kind,
        o.person_id,
        cast(null as integer) as subject_unit_id,
        'Đảng viên ' || p.full_name || ' (' || u.name || ') có tên trong danh sách '
            || if(o.listed_only, 'xếp loại', 'đảng viên') || ' năm '
            || getvariable('period_year') || ' nhưng không có kết quả xếp loại'
            -- (the reason is none the rule exempts, "Miễn đánh giá" among them: the message names those it does)
            || coalesce(' (lý do ghi: "' || o.nr.reason || '", không thuộc diện miễn xếp loại: chỉ miễn cho đảng viên được miễn công tác và sinh hoạt đảng, bị đình chỉ sinh hoạt đảng hoặc kết nạp chưa đủ '
                        || getvariable('new_member_months') || ' tháng)', '')
            || if(ns.person_id is not null,
                  ': có người cùng họ tên, ngày sinh được xếp loại trong chi bộ' || coalesce(' (số thẻ ' || ns.card_no || ')', '')
                  || ', cần xác định danh tính',
                  '')
            -- (a member of a chi bộ dissolved in the year: rated by the unit they went to, or not at all)
            || if(u.dissolved_on between getvariable('period_start') and getvariable('period_end'),
                  '; ' || u.name || ' giải thể ngày ' || vi_date(u.dissolved_on)
                  || coalesce(', tổ chức kế tục: ' || su.names || ' (không tìm thấy đảng viên trong danh sách xếp loại của tổ chức này)',
                              ', không có tổ chức kế tục: cần xác định nơi đảng viên chuyển đến sinh hoạt'),
                  '') as message,

        json_object('check', if(o.listed_only, 'listed_member_not_rated', 'roster_member_not_rated'), 'status', o.status, 'joined_party_on', o.joined_on,
                    'as_of', o.as_of, 'not_rated_reason', o.nr.reason, 'namesake_rated', ns.person_id is not null,
                    'namesake_card', ns.card_no) as evidence,
        coalesce(nr_sf.file_name, sf.file_name) as source_file,
        coalesce(o.nr.source_row, o.source_row) as source_row,
        list_filter([{'file': sf.file_name, 'row': o.source_row}, {'file': nr_sf.file_name, 'row': o.nr.source_row}],
                    lambda s: s.row is not null) as srcs
    from owed_rows o
    join persons p on p.id = o.person_id
    join units u on u.id = o.unit_id
    left join files nr_sf on nr_sf.id = o.nr.source_file_id
    left join files sf on sf.id = o.source_file_id
    left join namesakes ns on ns.person_id = o.person_id
    left join successors su on su.from_code = u.code
),

review_findings as (
    select
        'flagged',
        coalesce(r.subject_unit_id, r.unit_id),
        r.deciding_unit_id,
        r.subject_kind,
        r.person_id,
        r.subject_unit_id,
        subject_label(r.subject_kind, p.full_name, u.name, su.name)
            || case
                   -- (not rated because new: new_unreviewed)
                   when r.final_level is null
                       then ' chưa xếp loại vì ' || if(r.subject_kind = 'member', 'mới kết nạp', 'mới thành lập')
                            || ', nhưng phải kiểm điểm: không có ngày kiểm điểm'
                   when r.reviewed_on is null then ' được xếp loại ' || level_short(r.final_level) || ' nhưng không có ngày kiểm điểm'
                   else ' được xếp loại ' || level_short(r.final_level)
                        || ' ngày ' || vi_date(r.decided_on) || ', trước khi kiểm điểm (ngày ' || vi_date(r.reviewed_on) || ')'
               end,
        json_object('check', case when r.final_level is null then 'new_not_reviewed'
                                  when r.reviewed_on is null then 'no_review' else 'rated_before_review' end,
                    'reviewed_on', r.reviewed_on, 'decided_on', r.decided_on, 'not_rated_reason', r.not_rated_reason),
        sf.file_name,
        r.source_row,
        [{'file': sf.file_name, 'row': r.source_row}]
    from unreviewed r
    left join units u on u.id = r.unit_id
    left join units su on su.id = r.subject_unit_id
    left join persons p on p.id = r.person_id
    left join files sf on sf.id = r.source_file_id
),

unit_findings as (
    select
        'flagged',
        u.id,
        u.nr.deciding_unit_id,
        'party_org',
        cast(null as integer),
        u.id,
        u.name || ' không có kết quả xếp loại tổ chức đảng năm ' || getvariable('period_year')
            -- its own founding date; a merged unit's age, from its oldest predecessor (as R7 says it)
            || coalesce(' (thành lập ' || vi_date(u.founded_on)
                        || if(a.oldest_code is distinct from u.code,
                              ', tính từ ' || a.oldest_name || coalesce(' thành lập ' || vi_date(a.founded_on), ', không rõ ngày thành lập'),
                              '')
                        || ')', '')
            || coalesce(', lý do ghi: "' || u.nr.reason || '"', ''),
        json_object('check', 'unit_not_rated', 'unit_kind', u.kind, 'founded_on', u.founded_on, 'counted_from', a.founded_on,
                    'oldest_predecessor', a.oldest_code, 'as_of', u.as_of, 'dissolved_on', u.dissolved_on,
                    'not_rated_reason', u.nr.reason),
        coalesce(nr_sf.file_name, sf.file_name),
        coalesce(u.nr.source_row, u.source_row),
        list_filter([{'file': sf.file_name, 'row': u.source_row}, {'file': nr_sf.file_name, 'row': u.nr.source_row}],
                    lambda s: s.row is not null)
    -- (the day it was judged: its not-rated row's, else its body's list's, else 31/12)
    from (select u.*, coalesce(u.unrated_on, ld.list_on, getvariable('period_end')) as as_of
          from alive_units u
          left join org_list_dates ld on ld.id = u.id) u
    left join unit_ancestry((select list(x.code) from alive_units x)) a on a.code = u.code
    left join files nr_sf on nr_sf.id = u.nr.source_file_id
    left join files sf on sf.id = u.source_file_id
    where a.founded_on is null
       or cast(a.founded_on + to_months(getvariable('new_org_months')) as date) <= u.as_of
),

-- the body that decided late: the deciding body, or an agency (by its name, under its unit)
late_sources as (
    select
        l.deciding_unit_id,
        if(l.deciding_unit_id is null, l.unit_id, null) as agency_unit_id,
        l.agency,
        list({'file': sf.file_name, 'row': l.source_row} order by l.decided_on, sf.file_name, l.source_row) as srcs
    from late_rows l
    left join files sf on sf.id = l.source_file_id
    group by all
),

-- one finding per deciding body (an agency's list: per agency): the body that decided late
late_findings as (
    select
        'flagged',
        coalesce(du.id, any_value(u.id)),
        du.id,
        if(count(distinct l.subject_kind) = 1, any_value(l.subject_kind), cast(null as varchar)),
        cast(null as integer),
        coalesce(du.id, any_value(u.id)),
        coalesce(du.name, l.agency) || ' quyết định ' || count(*) || ' danh sách xếp loại sau hạn ' || vi_date(min(l.deadline))
            || ': ' || string_agg(subject_kind_vi(l.subject_kind) || ' ' || coalesce(l.agency || ' (' || u.name || ')', u.name)
                                  || ' ngày ' || vi_date(l.decided_on), '; '
                                  order by l.decided_on, u.name, l.subject_kind),
        json_object('check', 'late_list', 'deadline', min(l.deadline), 'deciding_unit_kind', du.kind, 'agency', l.agency,
                    'latest_decided_on', max(l.decided_on), 'days_late', max(l.decided_on - l.deadline),
                    'lists', list({'unit': u.code, 'subject_kind': l.subject_kind, 'decided_on': l.decided_on, 'rows': l.n_rows}
                                  order by l.decided_on, u.code, l.subject_kind)),
        arg_max(sf.file_name, {'decided_on': l.decided_on, 'unit': u.code, 'kind': l.subject_kind}),
        arg_max(l.cited_row.source_row, {'decided_on': l.decided_on, 'unit': u.code, 'kind': l.subject_kind}),
        any_value(s.srcs)
    from late_lists l
    left join units du on du.id = l.deciding_unit_id
    join units u on u.id = l.unit_id
    left join files sf on sf.id = l.cited_row.source_file_id
    left join late_sources s
        on s.deciding_unit_id is not distinct from l.deciding_unit_id
       and s.agency_unit_id is not distinct from if(l.deciding_unit_id is null, l.unit_id, null)
       and s.agency is not distinct from l.agency
    where du.id is not null or l.agency is not null
    group by du.id, du.name, du.kind, if(du.id is null, l.unit_id, null), l.agency
),

findings as (
    select * from roster_findings
    union all select * from review_findings
    union all select * from unit_findings
    union all select * from late_findings
),

final as (
    select
        'missing_review' as rule,
        f.status,
        if(f.subject_kind = 'civil_servant', getvariable('cs_rulebook'), getvariable('rulebook')) as rulebook,
        getvariable('period_year') as year,
        getvariable('period_kind') as period_kind,
        getvariable('period_no') as period_no,
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        f.deciding_unit_id,
        du.code as deciding_unit_code,
        f.subject_kind,
        f.person_id,
        f.subject_unit_id,
        if(f.person_id is not null, person_ref(p.card_no, p.name_key, p.birth_date, p.birth_year), 'unit:' || u.code) as subject_ref,
        coalesce(p.full_name, u.name) as subject_name,
        p.card_no as subject_card,
        p.birth_date as subject_birth_date,
        p.birth_year as subject_birth_year,
        if(f.status = 'flagged', 'medium', 'low') as severity,
        f.message,
        f.evidence,
        f.source_file,
        f.source_row,
        f.srcs as sources
    from findings f
    join units u on u.id = f.unit_id
    left join units du on du.id = f.deciding_unit_id
    left join persons p on p.id = f.person_id
    where in_scope(u.path)
)

select * from final
