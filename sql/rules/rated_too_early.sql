-- rated_too_early (R7): a level given to a member admitted less than new_member_months before the
-- rating (decision date, else review date, else the end of the period), or to an organisation or
-- leadership collective founded less than new_org_months before it. Months are calendar months
-- (31/05 + 6 months = 30/11); an admission known by its year or month only counts from its first day
-- (schema 010). An organisation formed by splitting, merging or absorbing others is
-- not new: its age counts from its oldest predecessor (unit_lineage, followed back recursively).
-- Returns one row per rating given too early (flagged). Organisations young by their own founding
-- date but old through their predecessors are exempted in one row per deciding body and subject
-- kind, about that body, naming each organisation and its predecessor (evidence: all of them;
-- sources: every rating): in the 2025 round nearly every commune-level organisation was formed on
-- 01/07/2025, and a row per rating buried the findings under 300 000 exemptions per run.
-- Grain: one row per finding.
-- Parameters: new_member_months, new_org_months.
-- Seeds: 001 §V.4, §V.5.2; 003 §5.8, §5.14.
with
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select
        r.id, r.subject_kind, r.person_id, r.subject_unit_id, r.unit_id, r.deciding_unit_id, r.final_level,
        coalesce(r.decided_on, r.reviewed_on, getvariable('period_end')) as as_of
    from period_rating r
    where r.final_level is not null
),

-- admission dates recent enough to matter (a superset: before the earliest rating date, less the
-- months and one more): the person's own, else the roster's
cutoff as (
    -- (the earliest of shared/period_member_groups.sql: the same rows' as_of)
    select cast(min(g.first_as_of) - to_months(getvariable('new_member_months') + 1) as date) as d
    from period_member_groups g
),

-- (materialized: read twice below)
admissions as materialized (
    select p.id as person_id, p.joined_party_on as joined_on, p.joined_party_by as joined_by
    from person p
    where p.joined_party_on > (select c.d from cutoff c)

    union all

    select m.person_id, max(m.joined_party_on), max(m.joined_party_by)
    from period_roster m
    join person p on p.id = m.person_id
    where p.joined_party_on is null
      and m.joined_party_on > (select c.d from cutoff c)
    group by m.person_id
),

members as (
    select
        r.*,
        a.joined_on,
        a.joined_by,
        cast(a.joined_on + to_months(getvariable('new_member_months')) as date) as full_on
    -- (the member ratings of the recently admitted first, by a list of them, keys_of: the join
    -- alone read a year's 5 M member ratings)
    from (select r.* from rated r
          semi join keys_of((select list(a.person_id) from admissions a)) k
              on k.id = r.person_id and k.id is not null
          where r.subject_kind = 'member') r
    join admissions a on a.person_id = r.person_id
),

member_findings as (
    select
        m.id as rating_id,
        'flagged' as status,
        m.unit_id,
        -- an admission known by its year or month only: its first day, the earliest it can be
        '{subject} kết nạp ' || vi_span(m.joined_on, m.joined_by) || ', chưa đủ '
            || getvariable('new_member_months') || ' tháng đến ngày ' || vi_date(m.as_of) || ' (đủ ngày '
            || vi_date(m.full_on) || '), nhưng được xếp loại ' || level_short(m.final_level) as message,
        json_object('joined_party_on', m.joined_on, 'as_of', m.as_of, 'full_on', m.full_on,
                    'months', getvariable('new_member_months')) as evidence
    from members m
    where m.full_on > m.as_of
),

-- organisations rated while young by their own founding date (the units founded recently enough
-- to matter first, as the admissions above: the registry's 700 000 are mostly old) …
org_cutoff as (
    select cast(min(r.as_of) - to_months(getvariable('new_org_months') + 1) as date) as d
    from rated r
    where r.subject_kind in ('party_org', 'leadership')
),

young_orgs as (
    select
        r.*,
        u.code as org_code,
        u.name as org_name,
        u.founded_on as own_founded_on
    from rated r
    join (select u.* from unit u where u.founded_on > (select c.d from org_cutoff c)) u on u.id = r.subject_unit_id
    where r.subject_kind in ('party_org', 'leadership')
      and cast(u.founded_on + to_months(getvariable('new_org_months')) as date) > r.as_of
),

-- … and their age counted from the oldest predecessor (merges, splits, renames)
orgs as (
    select
        y.*,
        a.founded_on,
        a.oldest_code,
        a.oldest_name,
        cast(a.founded_on + to_months(getvariable('new_org_months')) as date) as full_on
    from young_orgs y
    join unit_ancestry((select list(distinct y.org_code) from young_orgs y)) a on a.code = y.org_code
),

org_findings as (
    select
        o.id,
        'flagged',
        o.subject_unit_id,
        if(o.subject_kind = 'leadership', 'Tập thể lãnh đạo, quản lý ', '') || o.org_name
            || ' thành lập ngày ' || vi_date(o.own_founded_on)
            -- formed from others: the six months run from the oldest predecessor, named (as R4 says it)
            || if(o.oldest_code is distinct from o.org_code,
                  ', tính từ ' || o.oldest_name || ' thành lập ngày ' || vi_date(o.founded_on), '')
            || ', chưa đủ ' || getvariable('new_org_months') || ' tháng đến ngày ' || vi_date(o.as_of)
            || ' (đủ ngày ' || vi_date(o.full_on) || '), nhưng được xếp loại ' || level_short(o.final_level),
        json_object('founded_on', o.own_founded_on, 'counted_from', o.founded_on, 'oldest_predecessor', o.oldest_code,
                    'as_of', o.as_of, 'full_on', o.full_on, 'months', getvariable('new_org_months'))
    from orgs o
    where o.full_on > o.as_of
),

-- the organisations old through their predecessors (or formed from one whose founding date the
-- registry does not give: not new either), per deciding body (else the organisation itself) and
-- subject kind, in the order of their codes: the first five named, the first cited
reorganised as (
    select
        coalesce(o.deciding_unit_id, o.subject_unit_id) as body_id,
        o.subject_kind,
        count(*) as n,
        arg_min(o.id, {'code': o.org_code, 'id': o.id}) as first_id,
        list(o.id) as ids,
        -- the message names the first five (building all 300 000 names of 2025 cost 0,7 s, and
        -- numbering them by a window 0,25 s)
        arg_min({'name': o.org_name, 'own': o.own_founded_on, 'oldest': o.oldest_name, 'from': o.founded_on},
                {'code': o.org_code, 'id': o.id}, 5) as first_five,
        -- the evidence lists the codes (each organisation's predecessors are in the registry):
        -- {unit, founded_on, counted_from…} for each of 2025's 300 000 cost 0,4 s
        list_sort(list(o.org_code)) as units
    from orgs o
    where o.full_on <= o.as_of
       or (o.founded_on is null and o.oldest_code is not null)
    group by all
),

exempt_findings as (
    select
        g.first_id,
        'exempted',
        g.body_id,
        b.name || ' xếp loại ' || if(g.subject_kind = 'leadership', 'tập thể lãnh đạo, quản lý của ', '') || g.n || ' tổ chức đảng'
            || ' thành lập chưa đủ ' || getvariable('new_org_months') || ' tháng nhưng không phải tổ chức mới: do chia tách,'
            || ' hợp nhất, sáp nhập, tuổi tính từ tổ chức tiền thân, đã đủ ' || getvariable('new_org_months') || ' tháng: '
            || array_to_string(list_transform(g.first_five, lambda x: x.name || ' (thành lập ' || vi_date(x.own) || ', tính từ ' || x.oldest
                                   || coalesce(' thành lập ' || vi_date(x.from), ', không rõ ngày thành lập') || ')'), '; ')
            || if(g.n > 5, '; và ' || (g.n - 5) || ' tổ chức khác (mã trong chứng cứ)', ''),
        json_object('check', 'reorganised', 'months', getvariable('new_org_months'), 'count', g.n, 'units', g.units),
        list_filter(g.ids, lambda x: x <> g.first_id) as other_ids,
        [] as more_sources,
        true as about_unit
    from reorganised g
    join units_of((select list(g.body_id) from reorganised g)) b on b.id = g.body_id
),

findings as (
    select *, [] as other_ids, [] as more_sources, false as about_unit from member_findings
    union all
    select *, [], [], false from org_findings
    union all
    select * from exempt_findings
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'rated_too_early' as rule, 'medium' as severity, f.* from findings f
