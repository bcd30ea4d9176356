-- period_member_counts: per unit, the members rated there in the period (final level given), by
-- level, and the lowest and highest body that decided them: the sums of period_member_groups. R1
-- (each chi bộ's count) and R5 (the chi bộ's level against its members') read it. A temp table
-- made by runner.ts after period_member_groups.
select
    c.*,
    c.n - c.n_incomplete as n_complete_up,
    c.n_excellent + c.n_good as n_good_up
from (
    select
        g.unit_id,
        sum(g.n)::bigint as n,
        sum(g.n_excellent)::bigint as n_excellent,
        sum(g.n_good)::bigint as n_good,
        sum(g.n_incomplete)::bigint as n_incomplete,
        min(g.deciding_unit_id) as min_decider,
        max(g.deciding_unit_id) as max_decider
    from period_member_groups g
    group by g.unit_id
) c
