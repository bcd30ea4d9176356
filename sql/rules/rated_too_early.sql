-- rated_too_early (R7): a level given to a member admitted less than new_member_months before the
-- rating (decision date, else review date, else the end of the period), or to an organisation or
-- leadership collective founded less than new_org_months before it. Months are calendar months
-- (31/05 + 6 months = 30/11). An organisation formed by splitting, merging or absorbing others is
-- not new: its age counts from its oldest predecessor (unit_lineage, followed back recursively).
-- Returns one row per rating given too early (flagged), or per organisation young by its own
-- founding date but old through its predecessors (exempted, naming the predecessor).
-- Grain: one row per finding.
-- Parameters: new_member_months, new_org_months.
-- Seeds: 001 §V.4, §V.5.2; 003 §5.8, §5.14.
with
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select
        r.id, r.subject_kind, r.person_id, r.subject_unit_id, r.unit_id, r.final_level,
        coalesce(r.decided_on, r.reviewed_on, getvariable('period_end')) as as_of
    from period_rating r
    where r.final_level is not null
),

-- admission dates recent enough to matter (a superset: before the earliest rating date, less the
-- months and one more): the person's own, else the roster's
cutoff as (
    select cast(min(r.as_of) - to_months(getvariable('new_member_months') + 1) as date) as d
    from rated r
    where r.subject_kind = 'member'
),

admissions as (
    select p.id as person_id, p.joined_party_on as joined_on
    from person p
    where p.joined_party_on > (select c.d from cutoff c)

    union all

    select m.person_id, max(m.joined_party_on)
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
        cast(a.joined_on + to_months(getvariable('new_member_months')) as date) as full_on
    from rated r
    join admissions a on a.person_id = r.person_id
    where r.subject_kind = 'member'
),

member_findings as (
    select
        m.id as rating_id,
        'flagged' as status,
        m.unit_id,
        '{subject} kết nạp ngày ' || vi_date(m.joined_on) || ', chưa đủ '
            || getvariable('new_member_months') || ' tháng đến ngày ' || vi_date(m.as_of) || ' (đủ ngày '
            || vi_date(m.full_on) || '), nhưng được xếp loại ' || level_short(m.final_level) as message,
        json_object('joined_party_on', m.joined_on, 'as_of', m.as_of, 'full_on', m.full_on,
                    'months', getvariable('new_member_months')) as evidence
    from members m
    where m.full_on > m.as_of
),

-- organisations rated while young by their own founding date …
young_orgs as (
    select
        r.*,
        u.code as org_code,
        u.name as org_name,
        u.founded_on as own_founded_on
    from rated r
    join unit u on u.id = r.subject_unit_id
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
        if(o.full_on > o.as_of, 'flagged', 'exempted'),
        o.subject_unit_id,
        if(o.subject_kind = 'leadership', 'Tập thể lãnh đạo, quản lý ', '') || o.org_name
            || ' thành lập ngày ' || vi_date(o.own_founded_on)
            || if(o.full_on > o.as_of,
                  ', chưa đủ ' || getvariable('new_org_months') || ' tháng đến ngày ' || vi_date(o.as_of)
                  || ' (đủ ngày ' || vi_date(o.full_on) || '), nhưng được xếp loại ' || level_short(o.final_level),
                  ' do chia tách, hợp nhất, sáp nhập: tính từ ' || o.oldest_name || ' (thành lập ' || vi_date(o.founded_on)
                  || ') đã đủ ' || getvariable('new_org_months') || ' tháng'),
        json_object('founded_on', o.own_founded_on, 'counted_from', o.founded_on, 'oldest_predecessor', o.oldest_code,
                    'as_of', o.as_of, 'full_on', o.full_on, 'months', getvariable('new_org_months'))
    from orgs o
),

findings as (
    select *, [] as other_ids, [] as more_sources from member_findings
    union all
    select *, [], [] from org_findings
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'rated_too_early' as rule, 'medium' as severity, f.* from findings f
