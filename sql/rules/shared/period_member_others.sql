-- period_member_others: the member ratings (final level given) of people also rated in the period
-- as civil servants or as leaders, beside those other ratings: R3 (a member above their
-- civil-servant or leader level) and R8 (a member rated before their civil-servant rating) read
-- it: one join of the year's five million member ratings with the others, not one per rule.
-- A temp table made by runner.ts after period_rating.
--   cs_level, cs_lowest_id            the lowest civil-servant level, its rating (of equal, the first)
--   cs_last_decided_on, cs_last_id    the last civil-servant decision date, its rating (of equal, the first)
--   leader_level, leader_lowest_id    the lowest leader level, its rating (of equal, the first)
--   leader_dated                      rated as a leader with a decision date (R8's cadre exception)
with others as (
    select
        r.person_id,
        min(r.final_level) filter (where r.subject_kind = 'civil_servant') as cs_level,
        arg_min(r.id, [r.final_level, r.id]) filter (where r.subject_kind = 'civil_servant') as cs_lowest_id,
        max(r.decided_on) filter (where r.subject_kind = 'civil_servant') as cs_last_decided_on,
        arg_max(r.id, {'decided_on': r.decided_on, 'first': -r.id})
            filter (where r.subject_kind = 'civil_servant' and r.decided_on is not null) as cs_last_id,
        min(r.final_level) filter (where r.subject_kind = 'leader') as leader_level,
        arg_min(r.id, [r.final_level, r.id]) filter (where r.subject_kind = 'leader') as leader_lowest_id,
        coalesce(bool_or(r.decided_on is not null) filter (where r.subject_kind = 'leader'), false) as leader_dated
    from period_rating r
    where r.subject_kind in ('civil_servant', 'leader')
      and r.final_level is not null
      and r.person_id is not null
    group by r.person_id
)
select
    m.id,
    m.person_id,
    m.unit_id,
    m.final_level,
    m.decided_on,
    o.cs_level,
    o.cs_lowest_id,
    o.cs_last_decided_on,
    o.cs_last_id,
    o.leader_level,
    o.leader_lowest_id,
    o.leader_dated
from period_rating m
join others o on o.person_id = m.person_id
where m.subject_kind = 'member'
  and m.final_level is not null
