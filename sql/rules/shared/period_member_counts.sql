-- period_member_counts: per unit, the members rated there in the period (final level given), by
-- level, and the lowest and highest body that decided them. R1 (each chi bộ's count) and R5 (the
-- chi bộ's level against its members') read it: one pass over a year's five million member
-- ratings instead of one each. A temp table made by runner.ts after period_rating.
select
    r.unit_id,
    count(*) as n,
    count(*) filter (where r.final_level = 4) as n_excellent,
    count(*) filter (where r.final_level = 3) as n_good,
    count(*) filter (where r.final_level >= 2) as n_complete_up,
    count(*) filter (where r.final_level >= 3) as n_good_up,
    count(*) filter (where r.final_level = 1) as n_incomplete,
    min(r.deciding_unit_id) as min_decider,
    max(r.deciding_unit_id) as max_decider
from period_rating r
where r.subject_kind = 'member'
  and r.final_level is not null
group by r.unit_id
