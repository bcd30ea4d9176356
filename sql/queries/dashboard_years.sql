-- dashboard_years: one row per year with data in view: member ratings of the annual period by
-- final level (the level-share chart), all ratings decided in the year's periods and the findings
-- in force for them (the anomaly-rate trend). Reads view_unit and cur (current_findings.sql).
with ratings as (
    select
        r.period_year as year,
        count(*) filter (where r.final_level is not null)::integer as ratings,
        count(*) filter (where r.subject_kind = 'member' and r.period_kind = 'year' and r.final_level = 4)::integer as l4,
        count(*) filter (where r.subject_kind = 'member' and r.period_kind = 'year' and r.final_level = 3)::integer as l3,
        count(*) filter (where r.subject_kind = 'member' and r.period_kind = 'year' and r.final_level = 2)::integer as l2,
        count(*) filter (where r.subject_kind = 'member' and r.period_kind = 'year' and r.final_level = 1)::integer as l1
    from rating_current r
    join view_unit u on u.id = coalesce(r.unit_id, r.subject_unit_id, r.deciding_unit_id)
    group by r.period_year
),

findings as (
    select
        year,
        count(*) filter (where status = 'flagged')::integer as findings
    from cur
    group by year
),

final as (
    select
        coalesce(r.year, f.year) as year,
        coalesce(r.ratings, 0) as ratings,
        coalesce(r.l4, 0) as l4,
        coalesce(r.l3, 0) as l3,
        coalesce(r.l2, 0) as l2,
        coalesce(r.l1, 0) as l1,
        coalesce(f.findings, 0) as findings
    from ratings r
    full outer join findings f on f.year = r.year
)

select * from final order by year
