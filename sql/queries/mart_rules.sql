-- mart_rules: findings in force (flagged) per rule for one year ($year) over the units in view,
-- one row per rule id. Yearly rounds only. Reads mart_unit_year and the CTE view_unit.
select
    rule,
    flagged::integer as flagged,
    0 as exempted
from (
    select
        sum(m.excellent_cap) as excellent_cap,
        sum(m.disciplined_not_incomplete) as disciplined_not_incomplete,
        sum(m.leader_above_unit) as leader_above_unit,
        sum(m.missing_review) as missing_review,
        sum(m.org_level_vs_members) as org_level_vs_members,
        sum(m.sick_leave_cap) as sick_leave_cap,
        sum(m.rated_too_early) as rated_too_early,
        sum(m.order_of_rating) as order_of_rating,
        sum(m.score_band) as score_band,
        sum(m.collective_with_disciplined) as collective_with_disciplined
    from mart_unit_year m
    semi join view_unit u on u.id = m.unit_id
    where m.year = $year
) unpivot (flagged for rule in (
    excellent_cap, disciplined_not_incomplete, leader_above_unit, missing_review, org_level_vs_members,
    sick_leave_cap, rated_too_early, order_of_rating, score_band, collective_with_disciplined
))
where flagged is not null
