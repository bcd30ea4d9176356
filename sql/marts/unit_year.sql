-- mart_unit_year: what the dashboards read per unit and year (yearly rounds only).
-- One row per unit and year that has ratings or findings: the unit's own level, its members'
-- level counts and shares, the excellent ratio (excellent / good), and the findings of the latest
-- audit run covering the unit for each rule (scoped runs cover their subtree; "what if" runs never
-- count), flagged per rule, exempted in all, and the excellent_cap excess at each grouping, kept
-- apart (the chi bộ count and the deciding-body count must not be added up).
-- Grain: one row per unit and year. Levels: 4 excellent, 3 good, 2 complete, 1 incomplete.
-- Refreshed by src/lib/server/rules/marts.ts after an audit; read by the pages.
with
yearly as (
    select r.*
    from rating_current r
    where r.period_kind = 'year'
),

members as (
    select
        r.unit_id,
        r.period_year as year,
        count(*) filter (where r.final_level is not null) as members_rated,
        count(*) filter (where r.final_level = 4) as excellent,
        count(*) filter (where r.final_level = 3) as good,
        count(*) filter (where r.final_level = 2) as complete,
        count(*) filter (where r.final_level = 1) as incomplete,
        count(*) filter (where r.final_level is null) as not_rated
    from yearly r
    where r.subject_kind = 'member' and r.unit_id is not null
    group by r.unit_id, r.period_year
),

org as (
    select r.subject_unit_id as unit_id, r.period_year as year, min(r.final_level) as org_level, min(r.score) as org_score
    from yearly r
    where r.subject_kind = 'party_org' and r.subject_unit_id is not null
    group by r.subject_unit_id, r.period_year
),

runs as (
    select
        a.id,
        a.period_year as year,
        unnest(a.rules) as rule,
        coalesce(json_extract_string(a.rulebook_params, '$.scope_path'), '/') as scope_path
    from audit_run a
    where a.period_kind = 'year'
      and not coalesce(cast(json_extract(a.rulebook_params, '$.what_if') as boolean), false)
),

latest_by_scope as (
    select year, rule, scope_path, max(id) as run_id
    from runs
    group by year, rule, scope_path
),

unit_runs as (
    select u.id as unit_id, l.year, l.rule, max(l.run_id) as run_id
    from unit u
    join latest_by_scope l on u.path like l.scope_path || '%'
    group by u.id, l.year, l.rule
),

findings as (
    select
        a.unit_id,
        a.year,
        count(*) filter (where a.status = 'flagged') as findings,
        count(*) filter (where a.status = 'exempted') as exempted,
        count(*) filter (where a.status = 'flagged' and a.severity = 'high') as findings_high,
        count(*) filter (where a.status = 'flagged' and a.rule = 'excellent_cap') as excellent_cap,
        count(*) filter (where a.status = 'flagged' and a.rule = 'disciplined_not_incomplete') as disciplined_not_incomplete,
        count(*) filter (where a.status = 'flagged' and a.rule = 'leader_above_unit') as leader_above_unit,
        count(*) filter (where a.status = 'flagged' and a.rule = 'missing_review') as missing_review,
        count(*) filter (where a.status = 'flagged' and a.rule = 'org_level_vs_members') as org_level_vs_members,
        count(*) filter (where a.status = 'flagged' and a.rule = 'sick_leave_cap') as sick_leave_cap,
        count(*) filter (where a.status = 'flagged' and a.rule = 'rated_too_early') as rated_too_early,
        count(*) filter (where a.status = 'flagged' and a.rule = 'order_of_rating') as order_of_rating,
        count(*) filter (where a.status = 'flagged' and a.rule = 'score_band') as score_band,
        count(*) filter (where a.status = 'flagged' and a.rule = 'collective_with_disciplined') as collective_with_disciplined,
        -- (the chi bộ grouping is of Party members: a school's or an agency's civil servants, counted
        -- within their agency under NĐ 90 / NĐ 335, are no chi bộ's excess)
        coalesce(sum(cast(a.evidence ->> 'excess' as integer))
                     filter (where a.status = 'flagged' and a.rule = 'excellent_cap' and a.subject_ref = 'group:unit'
                               and a.subject_kind = 'member'), 0) as excess_in_chi_bo,
        coalesce(sum(cast(a.evidence ->> 'excess' as integer))
                     filter (where a.status = 'flagged' and a.rule = 'excellent_cap' and a.subject_ref = 'group:decider'), 0) as excess_at_decider,
        max(a.run_id) as run_id
    from anomaly a
    join unit_runs ur on ur.run_id = a.run_id and ur.rule = a.rule and ur.unit_id = a.unit_id
    where a.period_kind = 'year'
    group by a.unit_id, a.year
),

unit_years as (
    select unit_id, year from members
    union
    select unit_id, year from org
    union
    select unit_id, year from findings
),

final as (
    select
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        u.kind as unit_kind,
        u.parent_code,
        u.path,
        u.province_code,
        u.province_name,
        u.locality,
        y.year,
        o.org_level,
        o.org_score,
        coalesce(m.members_rated, 0) as members_rated,
        coalesce(m.excellent, 0) as excellent,
        coalesce(m.good, 0) as good,
        coalesce(m.complete, 0) as complete,
        coalesce(m.incomplete, 0) as incomplete,
        coalesce(m.not_rated, 0) as not_rated,
        m.excellent / nullif(m.members_rated, 0) as excellent_share,
        (m.excellent + m.good) / nullif(m.members_rated, 0) as good_or_above_share,
        m.incomplete / nullif(m.members_rated, 0) as incomplete_share,
        m.excellent / nullif(m.good, 0) as excellent_ratio,
        f.run_id,
        coalesce(f.findings, 0) as findings,
        coalesce(f.exempted, 0) as exempted,
        coalesce(f.findings_high, 0) as findings_high,
        coalesce(f.excellent_cap, 0) as excellent_cap,
        coalesce(f.disciplined_not_incomplete, 0) as disciplined_not_incomplete,
        coalesce(f.leader_above_unit, 0) as leader_above_unit,
        coalesce(f.missing_review, 0) as missing_review,
        coalesce(f.org_level_vs_members, 0) as org_level_vs_members,
        coalesce(f.sick_leave_cap, 0) as sick_leave_cap,
        coalesce(f.rated_too_early, 0) as rated_too_early,
        coalesce(f.order_of_rating, 0) as order_of_rating,
        coalesce(f.score_band, 0) as score_band,
        coalesce(f.collective_with_disciplined, 0) as collective_with_disciplined,
        coalesce(f.excess_in_chi_bo, 0) as excess_in_chi_bo,
        coalesce(f.excess_at_decider, 0) as excess_at_decider
    from unit_years y
    join unit u on u.id = y.unit_id
    left join members m on m.unit_id = y.unit_id and m.year = y.year
    left join org o on o.unit_id = y.unit_id and o.year = y.year
    left join findings f on f.unit_id = y.unit_id and f.year = y.year
)

select * from final
