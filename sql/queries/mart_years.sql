-- mart_years: per year, over the units in view (view_unit): the member level counts (the
-- level-share chart), the findings in force and how many units have data and findings (the
-- anomaly-rate trend), the excellent_cap excess at its two groupings kept apart. Yearly rounds only.
-- Reads mart_unit_year (sql/marts/unit_year.sql) and the CTE view_unit (queries/scope.ts).
select
    m.year,
    sum(m.members_rated)::integer as members_rated,
    sum(m.excellent)::integer as l4,
    sum(m.good)::integer as l3,
    sum(m.complete)::integer as l2,
    sum(m.incomplete)::integer as l1,
    sum(m.findings)::integer as findings,
    sum(m.exempted)::integer as exempted,
    count(*)::integer as units,
    count(*) filter (where m.findings > 0)::integer as units_with_findings,
    -- (of the kinds that owe an organisation rating, as the organisations counted beside it: kpis)
    count(*) filter (where m.org_level is not null and m.unit_kind in (select unit_kind from ref_unit_kind_alias where rated = 'true'))::integer as orgs_rated,
    sum(m.excess_in_chi_bo)::integer as excess_in_chi_bo,
    sum(m.excess_at_decider)::integer as excess_at_decider
from mart_unit_year m
semi join view_unit u on u.id = m.unit_id
group by m.year
