-- score_band (R9): under a rulebook with a 100-point scale, a level above the band its score
-- reaches (excellent from r9_min_excellent, good from r9_min_good, complete from r9_min_complete,
-- incomplete below), or no score where the rulebook requires one.
-- A level below its band is not a finding: the band's extra conditions, discipline or the re-vote
-- of an excess "Hoàn thành xuất sắc" lower it legitimately. The discipline condition is R10's;
-- conditions with no data behind them (tasks exceeded…) are not judged.
-- Returns one row per rating above its band or without a required score. Grain: one row per finding.
-- Parameters: r9_enabled, r9_min_excellent, r9_min_good, r9_min_complete, r9_score_required,
--   r9_subject_kinds; cs_ the same (NĐ 335 for civil servants).
-- Sources: Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW; Nghị định 335/2025/NĐ-CP (not in the seeds,
--   which predate the score; RULES.md R9).
with
banded as (
    select
        r.*,
        if(r.is_cs, getvariable('cs_r9_min_excellent'), getvariable('r9_min_excellent')) as min_excellent,
        if(r.is_cs, getvariable('cs_r9_min_good'), getvariable('r9_min_good')) as min_good,
        if(r.is_cs, getvariable('cs_r9_min_complete'), getvariable('r9_min_complete')) as min_complete,
        if(r.is_cs, getvariable('cs_r9_score_required'), getvariable('r9_score_required')) as score_required
    from period_rating r
    where r.final_level is not null
      and if(r.is_cs, getvariable('cs_r9_enabled'), getvariable('r9_enabled'))
      and list_contains(if(r.is_cs, getvariable('cs_r9_subject_kinds'), getvariable('r9_subject_kinds')), r.subject_kind)
),

-- the score to six decimals: an average taken in a spreadsheet stores 90 as 89.99999999999999
judged as (
    select
        b.*,
        case
            when round(b.score, 6) >= b.min_excellent then 4
            when round(b.score, 6) >= b.min_good then 3
            when round(b.score, 6) >= b.min_complete then 2
            when b.score is not null then 1
        end as band
    from banded b
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
    where (j.score is null and j.score_required)
       or j.final_level > j.band
),

findings as (
    select
        o.id as rating_id,
        'flagged' as status,
        coalesce(o.subject_unit_id, o.unit_id) as unit_id,
        '{subject}'
            || if(o.score is null,
                  ' được xếp loại ' || level_short(o.final_level) || ' nhưng không có điểm',
                  ': ' || vi_num(o.score) || ' điểm thuộc khung ' || level_short(o.band) || ' (' || o.band_text
                  || ' điểm) nhưng được xếp loại ' || level_short(o.final_level)) as message,
        json_object('score', o.score, 'level', o.final_level, 'band_level', o.band,
                    'bands', [o.min_excellent, o.min_good, o.min_complete]) as evidence,
        [] as other_ids,
        [] as more_sources
    from over o
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'score_band' as rule, 'medium' as severity, f.* from findings f
