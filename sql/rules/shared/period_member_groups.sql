-- period_member_groups: the members rated in the period (final level given), counted by level per
-- unit, deciding body and "Nhóm" (group_name). One pass over a year's five million member ratings
-- for every count of members the rules take: per chi bộ (period_member_counts, from these), per
-- "Nhóm" within a chi bộ and per deciding body (R1). A temp table made by runner.ts after
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
    count(*) filter (where r.final_level = 1) as n_incomplete
from period_rating r
where r.subject_kind = 'member'
  and r.final_level is not null
group by r.unit_id, r.deciding_unit_id, r.group_name
