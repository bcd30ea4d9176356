-- order_of_rating (R8): ratings decided out of the prescribed order, in the same period:
--   a. a member's Party rating decided before their civil-servant rating;
--   b. an organisation's rating decided before the rating of an organisation below it (any depth).
-- Exception (a): a cadre rated as a leader in the period (managed by a standing committee) is
-- rated as a member first, and that rating is redone if the cadre rating comes lower: exempted.
-- Equal dates are in order. Ratings without a decision date are not judged.
-- Returns one row per rating out of order. Grain: one row per finding.
-- Parameters: none beyond the period.
-- Seeds: 001 §V.4, §V.5.2; 003 §5.5; 004 §II.5 (công chức, viên chức xếp loại trước).
with
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select r.id, r.subject_kind, r.person_id, r.subject_unit_id, r.unit_id, r.decided_on
    from period_rating r
    where r.final_level is not null
      and r.decided_on is not null
),

-- members rated before one of their civil-servant ratings, with the last of those (of equal
-- dates, the first rating)
-- (the pairs of shared/period_member_pairs.sql)
members_early as (
    select
        p.member_id as id,
        p.person_id,
        p.member_unit_id as unit_id,
        p.member_decided_on as decided_on,
        max(p.other_decided_on) as cs_decided_on,
        arg_max(p.other_id, {'decided_on': p.other_decided_on, 'first': -p.other_id}) as cs_rating_id
    from period_member_pairs p
    where p.other_kind = 'civil_servant'
      and p.other_decided_on > p.member_decided_on
    group by p.member_id, p.person_id, p.member_unit_id, p.member_decided_on
),

member_findings as (
    select
        m.id as rating_id,
        if(k.person_id is not null, 'exempted', 'flagged') as status,
        m.unit_id,
        '{subject} được xếp loại đảng viên ngày ' || vi_date(m.decided_on)
            || ', trước khi có xếp loại cán bộ, công chức, viên chức (ngày ' || vi_date(m.cs_decided_on) || ')'
            || if(k.person_id is not null,
                  ': cán bộ lãnh đạo, quản lý được xếp loại đảng viên trước, xếp loại lại nếu mức cán bộ thấp hơn (001 §V.5.2)', '')
            as message,
        json_object('check', 'member_before_civil_servant', 'decided_on', m.decided_on,
                    'civil_servant_decided_on', m.cs_decided_on, 'cadre', k.person_id is not null) as evidence,
        [m.cs_rating_id] as other_ids
    from members_early m
    -- a cadre: rated as a leader in the period (exception)
    left join (select distinct r.person_id from rated r where r.subject_kind = 'leader') k on k.person_id = m.person_id
),

org_ratings as (
    select r.*, u.code as org_code, u.name as org_name, string_split(trim(u.path, '/'), '/') as chain
    from rated r
    join unit u on u.id = r.subject_unit_id
    where r.subject_kind = 'party_org'
),

-- each organisation rating beside every organisation above it (from the unit's path)
lower_ratings as (
    select lo.id, lo.org_code, lo.decided_on, unnest(list_slice(lo.chain, 1, len(lo.chain) - 1)) as above_code
    from org_ratings lo
    where lo.chain is not null
),

org_findings as (
    select
        hi.id,
        'flagged',
        hi.subject_unit_id,
        hi.org_name || ' được xếp loại ngày ' || vi_date(hi.decided_on) || ', trước ' || count(*)
            || ' tổ chức đảng cấp dưới (muộn nhất ngày ' || vi_date(max(lo.decided_on)) || ')',
        json_object('check', 'higher_before_lower', 'decided_on', hi.decided_on, 'lower_rated_later', count(*),
                    'latest_lower_decided_on', max(lo.decided_on), 'lower_units', list(lo.org_code order by lo.org_code)),
        list(lo.id order by lo.org_code)
    from org_ratings hi
    join lower_ratings lo on lo.above_code = hi.org_code
    where lo.decided_on > hi.decided_on
    group by hi.id, hi.subject_unit_id, hi.org_name, hi.decided_on
),

findings as (
    select *, [] as more_sources from member_findings
    union all
    select *, [] from org_findings
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'order_of_rating' as rule, 'medium' as severity, f.* from findings f
