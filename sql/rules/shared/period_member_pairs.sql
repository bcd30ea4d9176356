-- period_member_pairs: each member rating of the period beside a civil-servant or leader rating of
-- the same person in the period (both with a level) where the member rating is the higher, or the
-- earlier of it and a civil-servant rating: what R3 (a member's Party level above their civil-servant
-- or leader level) and R8 (a member rated before their civil-servant rating) look for. One join of a
-- year's five million member ratings to the million and a half civil-servant and leader ratings,
-- instead of one in each rule. A temp table made by runner.ts after period_rating: only the candidate
-- pairs (a leader rated after his member rating, as is the rule, is none unless rated below it: with
-- those, a national year held 190 000 pairs, and the join took a quarter longer).
select
    m.id as member_id,
    m.person_id,
    m.unit_id as member_unit_id,
    m.final_level as member_level,
    m.decided_on as member_decided_on,
    c.id as other_id,
    c.subject_kind as other_kind,
    c.final_level as other_level,
    c.decided_on as other_decided_on
from period_rating m
join period_rating c
    on c.person_id = m.person_id
   and c.subject_kind in ('civil_servant', 'leader')
   and (m.final_level > c.final_level or (c.subject_kind = 'civil_servant' and c.decided_on > m.decided_on))
where m.subject_kind = 'member'
  and m.final_level is not null
  and c.final_level is not null
