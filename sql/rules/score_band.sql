-- score_band (R9): under a rulebook with a 100-point scale, a level above the band its score
-- reaches (excellent from r9_min_excellent, good from r9_min_good, complete from r9_min_complete,
-- incomplete below), or no score where the rulebook requires one.
-- A level below its band is not a finding: the band's extra conditions, discipline or the re-vote
-- of an excess "Hoàn thành xuất sắc" lower it legitimately. The discipline condition is R10's;
-- conditions with no data behind them (tasks exceeded…) are not judged.
-- Returns one row per rating above its band or without a required score. Grain: one row per finding.
-- Parameters: r9_enabled, r9_min_excellent, r9_min_good, r9_min_complete, r9_score_required,
--   r9_score_required_from (a period of its year ending before it, quarters I–II of 2025 before QĐ
--   366 was issued, owes no score; a what-if on another year is judged whole), r9_subject_kinds; cs_ the same (NĐ 335 for civil servants).
-- Sources: Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW; Nghị định 335/2025/NĐ-CP (not in the seeds,
--   which predate the score; RULES.md R9).
with
-- the Party ratings and the civil-servant ratings each under their own rulebook's bands, those
-- above their level's band or without a required score: the parameters are constants in each
-- branch (a per-row choice between them, or the test after a union, cost 0,2 s a year).
-- Above the band: a score below the lower bound of the level's own band (the bands are ordered,
-- rulebook.ts checks it). The score counts to six decimals, as an average taken in a spreadsheet
-- stores 90 as 89.99999999999999: round(score, 6) < bound is written score + 5e-7 < bound, half
-- the cost on five million rows.
out_of_band as (
    select
        r.*,
        getvariable('r9_min_excellent') as min_excellent,
        getvariable('r9_min_good') as min_good,
        getvariable('r9_min_complete') as min_complete
    from period_rating r
    where r.final_level is not null
      and not r.is_cs
      and getvariable('r9_enabled')
      and list_contains(getvariable('r9_subject_kinds'), r.subject_kind)
      and ((r.score is null and getvariable('r9_score_required')
            and not coalesce(getvariable('period_end') < cast(getvariable('r9_score_required_from') as date)
                             and getvariable('period_year') = year(cast(getvariable('r9_score_required_from') as date)), false))
           or r.score + 5e-7 < case r.final_level when 4 then getvariable('r9_min_excellent')
                                                  when 3 then getvariable('r9_min_good')
                                                  when 2 then getvariable('r9_min_complete') end)

    union all

    select
        r.*,
        getvariable('cs_r9_min_excellent'),
        getvariable('cs_r9_min_good'),
        getvariable('cs_r9_min_complete')
    from period_rating r
    where r.final_level is not null
      and r.is_cs
      and getvariable('cs_r9_enabled')
      and list_contains(getvariable('cs_r9_subject_kinds'), r.subject_kind)
      and ((r.score is null and getvariable('cs_r9_score_required')
            and not coalesce(getvariable('period_end') < cast(getvariable('cs_r9_score_required_from') as date)
                             and getvariable('period_year') = year(cast(getvariable('cs_r9_score_required_from') as date)), false))
           or r.score + 5e-7 < case r.final_level when 4 then getvariable('cs_r9_min_excellent')
                                                  when 3 then getvariable('cs_r9_min_good')
                                                  when 2 then getvariable('cs_r9_min_complete') end)
),

-- the band each score reaches
judged as (
    select
        b.*,
        case
            when round(b.score, 6) >= b.min_excellent then 4
            when round(b.score, 6) >= b.min_good then 3
            when round(b.score, 6) >= b.min_complete then 2
            when b.score is not null then 1
        end as band
    from out_of_band b
),

over as (
    select
        j.*,
        case j.band
            when 4 then 'từ ' || vi_num(j.min_excellent)
            when 3 then vi_num(j.min_good) || ' đến dưới ' || vi_num(j.min_excellent)
            when 2 then vi_num(j.min_complete) || ' đến dưới ' || vi_num(j.min_good)
            when 1 then 'dưới ' || vi_num(j.min_complete)
        end as band_text
    from judged j
),

findings as (
    select
        o.id as rating_id,
        'flagged' as status,
        coalesce(o.subject_unit_id, o.unit_id) as unit_id,
        '{subject}'
            || if(o.score is null,
                  ' được xếp loại ' || level_short(o.final_level) || ' nhưng không có điểm',
                  -- as written, to two decimals (69,75 read "69,8"), and not rounded up to its band's
                  -- upper bound: 89,999 read "90 điểm thuộc khung HTTNV (70 đến dưới 90 điểm)"
                  ': ' || vi_num_vs(o.score, case o.band when 3 then o.min_excellent when 2 then o.min_good else o.min_complete end,
                                    min_decimals := 2)
                  || ' điểm thuộc khung ' || level_short(o.band) || ' (' || o.band_text
                  || ' điểm) nhưng được xếp loại ' || level_short(o.final_level)) as message,
        json_object('score', o.score, 'level', o.final_level, 'band_level', o.band,
                    'bands', [o.min_excellent, o.min_good, o.min_complete]) as evidence,
        [] as other_ids,
        [] as more_sources
    from over o
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'score_band' as rule, 'medium' as severity, f.* from findings f
