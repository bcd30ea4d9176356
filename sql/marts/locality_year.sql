-- mart_locality_year: what the dashboards read per province, locality (huyện / xã of the
-- registry) and year, and per province and year (locality null): level counts and shares of the
-- members rated, the excellent ratio, units, findings per rule, and the excellent_cap excess at
-- each grouping, kept apart (the chi bộ count and the deciding-body count must not be added up).
-- Grain: one row per province × locality × year, plus one per province × year.
-- Reads mart_unit_year (refresh it first). Refreshed by src/lib/server/rules/marts.ts.
with
grouped as (
    select
        m.province_code,
        any_value(m.province_name) as province_name,
        m.locality,
        grouping(m.locality) = 1 as is_province_total,
        m.year,
        count(*) as units,
        count(*) filter (where m.findings > 0) as units_with_findings,
        sum(m.members_rated) as members_rated,
        sum(m.excellent) as excellent,
        sum(m.good) as good,
        sum(m.complete) as complete,
        sum(m.incomplete) as incomplete,
        sum(m.not_rated) as not_rated,
        sum(m.findings) as findings,
        sum(m.exempted) as exempted,
        sum(m.findings_high) as findings_high,
        sum(m.excellent_cap) as excellent_cap,
        sum(m.disciplined_not_incomplete) as disciplined_not_incomplete,
        sum(m.leader_above_unit) as leader_above_unit,
        sum(m.missing_review) as missing_review,
        sum(m.org_level_vs_members) as org_level_vs_members,
        sum(m.sick_leave_cap) as sick_leave_cap,
        sum(m.rated_too_early) as rated_too_early,
        sum(m.order_of_rating) as order_of_rating,
        sum(m.score_band) as score_band,
        sum(m.collective_with_disciplined) as collective_with_disciplined,
        sum(m.excess_in_chi_bo) as excess_in_chi_bo,
        sum(m.excess_at_decider) as excess_at_decider
    from mart_unit_year m
    group by grouping sets ((m.province_code, m.locality, m.year), (m.province_code, m.year))
),

final as (
    select
        g.province_code,
        g.province_name,
        if(g.is_province_total, null, g.locality) as locality,
        g.is_province_total,
        g.year,
        g.units,
        g.units_with_findings,
        g.members_rated,
        g.excellent,
        g.good,
        g.complete,
        g.incomplete,
        g.not_rated,
        g.excellent / nullif(g.members_rated, 0) as excellent_share,
        (g.excellent + g.good) / nullif(g.members_rated, 0) as good_or_above_share,
        g.incomplete / nullif(g.members_rated, 0) as incomplete_share,
        g.excellent / nullif(g.good, 0) as excellent_ratio,
        g.findings / nullif(g.units, 0) as findings_per_unit,
        g.findings,
        g.exempted,
        g.findings_high,
        g.excellent_cap,
        g.disciplined_not_incomplete,
        g.leader_above_unit,
        g.missing_review,
        g.org_level_vs_members,
        g.sick_leave_cap,
        g.rated_too_early,
        g.order_of_rating,
        g.score_band,
        g.collective_with_disciplined,
        g.excess_in_chi_bo,
        g.excess_at_decider
    from grouped g
)

select * from final
