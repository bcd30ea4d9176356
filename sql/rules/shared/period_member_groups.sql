-- period_member_groups: the members rated in the period (final level given), counted by level per
-- unit, deciding body and "Nhóm" (group_name). One pass over a year's five million member ratings
-- for every count of members the rules take: per chi bộ (period_member_counts, from these), per
-- "Nhóm" within a chi bộ and per deciding body (R1); and for the dates of the member lists (R4's
-- list dates, R7's earliest rating date). A temp table made by runner.ts after
-- period_rating; a few hundred thousand rows for a country.
select
    r.unit_id,
    r.deciding_unit_id,
    r.group_name,
    -- (the fewer the counts, the cheaper the pass: "complete and above" is n - n_incomplete,
    -- "good and above" n_excellent + n_good, for a level is 1..4: the ingest writes no other,
    -- level_dict in sql/ingest/dictionaries.sql)
    count(*) as n,
    count(*) filter (where r.final_level = 4) as n_excellent,
    count(*) filter (where r.final_level = 3) as n_good,
    count(*) filter (where r.final_level = 1) as n_incomplete,
    -- the dates of the lists: the last decision, else review (R4: the day a chi bộ's list judged a
    -- member left off it), and the earliest day a rating counts from (R7: the admissions that can matter)
    max(r.decided_on) as last_decided_on,
    max(coalesce(r.decided_on, r.reviewed_on)) as last_on,
    min(coalesce(r.decided_on, r.reviewed_on, getvariable('period_end'))) as first_as_of
from period_rating r
where r.subject_kind = 'member'
  and r.final_level is not null
group by r.unit_id, r.deciding_unit_id, r.group_name
