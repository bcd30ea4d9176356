-- sick_leave_cap (R6): a member on sick leave r6_sick_leave_months or more in the year (calendar
-- days, days_per_month to a month: 3 × 30 = 90 days) rated above r6_max_level ("Hoàn thành tốt"
-- or above); likewise a civil servant absent cs_r6_sick_leave_months or more under a
-- civil-servant rulebook that has the rule (NĐ 90: absent 3–6 months, not "Hoàn thành tốt").
-- The sick leave is the person's in the year, on whichever of their lists of the period records
-- it (a member list without the column, the agency's civil-servant list with it): the most any
-- gives, its row cited. Absence that is not sick leave (sick_leave_is_absence: "Thời gian vắng
-- mặt", "Nghỉ việc 4 tháng") counts for the civil-servant rating only: the member rule is sick
-- leave (003 §5.8), NĐ 90's is absence. Returns one row per rating above its cap. Grain: one row per finding.
-- Parameters: r6_sick_leave_months, r6_max_level, days_per_month; cs_ the same.
-- Seeds: 003 §5.8 (đảng viên nghỉ ốm tổng thời gian trong năm từ 03 tháng trở lên).
with
-- the leave each list records, in days: months as written ("3 tháng") at the rulebook's
-- days_per_month (its civil-servant one for a civil-servant list), plus the days beside them
leave as (
    select r.*, r.sick_leave_is_absence as absence,
        floor(coalesce(r.sick_leave_days, 0) + coalesce(r.sick_leave_months, 0)
              * if(r.is_cs, getvariable('cs_days_per_month'), getvariable('days_per_month'))) as days
    from (
        -- (days, else months: each row once, by two tests the scan applies, where "days or
        -- months" was tested on every row of the period after reading it)
        select r.* from period_rating r where r.sick_leave_days is not null
        union all
        select r.* from period_rating r where r.sick_leave_days is null and r.sick_leave_months is not null
    ) r
    where r.subject_kind in ('member', 'civil_servant')
),

-- (only the people with enough leave to reach either cap: a few of the hundred thousands with any)
recorded as (
    select l.person_id, max(l.days) as days, arg_max(l.id, [l.days, l.id]) as rating_id,
        -- (sick leave alone, for a member rating)
        max(l.days) filter (where not l.absence) as sick_days,
        arg_max(l.id, [l.days, l.id]) filter (where not l.absence) as sick_rating_id
    from leave l
    where l.person_id is not null
    group by l.person_id
    having max(l.days) >= least(getvariable('r6_sick_leave_months') * getvariable('days_per_month'),
                                getvariable('cs_r6_sick_leave_months') * getvariable('cs_days_per_month'))
),

rated as (
    select r.id, r.subject_kind, r.is_cs, r.person_id, r.unit_id, r.final_level,
        greatest(l.days, if(r.is_cs, s.days, s.sick_days)) as sick_leave_days,
        if(if(r.is_cs, s.days, s.sick_days) > coalesce(l.days, -1), if(r.is_cs, s.rating_id, s.sick_rating_id), null) as other_id
    from period_rating r
    join recorded s on s.person_id = r.person_id
    left join leave l on l.id = r.id and (r.is_cs or not l.absence)
    where r.final_level is not null
      and r.subject_kind in ('member', 'civil_servant')
),

capped as (
    select
        r.*,
        if(r.subject_kind = 'civil_servant', getvariable('cs_r6_sick_leave_months'), getvariable('r6_sick_leave_months')) as months,
        if(r.subject_kind = 'civil_servant', getvariable('cs_days_per_month'), getvariable('days_per_month')) as days_per_month,
        if(r.subject_kind = 'civil_servant', getvariable('cs_r6_max_level'), getvariable('r6_max_level')) as max_level
    from rated r
),

over as (
    select c.*, c.months * c.days_per_month as min_days
    from capped c
    where c.sick_leave_days >= c.months * c.days_per_month
      and c.final_level > c.max_level
),

findings as (
    select
        o.id as rating_id,
        'flagged' as status,
        o.unit_id,
        '{subject} nghỉ '
            || if(o.is_cs, '', 'ốm ') || vi_num(o.sick_leave_days) || ' ngày trong năm (từ ' || o.months || ' tháng = '
            || vi_num(o.min_days) || ' ngày) nhưng được xếp loại ' || level_short(o.final_level)
            || ' (tối đa ' || level_short(o.max_level) || ')' as message,
        json_object('sick_leave_days', o.sick_leave_days, 'min_days', o.min_days, 'months', o.months,
                    'level', o.final_level, 'max_level', o.max_level) as evidence,
        list_filter([o.other_id], lambda x: x is not null) as other_ids,
        [] as more_sources
    from over o
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'sick_leave_cap' as rule, 'medium' as severity, f.* from findings f
