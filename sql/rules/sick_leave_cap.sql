-- sick_leave_cap (R6): a member on sick leave r6_sick_leave_months or more in the year (calendar
-- days, days_per_month to a month: 3 × 30 = 90 days) rated above r6_max_level ("Hoàn thành tốt"
-- or above); likewise a civil servant absent cs_r6_sick_leave_months or more under a
-- civil-servant rulebook that has the rule (NĐ 90: absent 3–6 months, not "Hoàn thành tốt").
-- Returns one row per rating above its cap. Grain: one row per finding.
-- Parameters: r6_sick_leave_months, r6_max_level, days_per_month; cs_ the same.
-- Seeds: 003 §5.8 (đảng viên nghỉ ốm tổng thời gian trong năm từ 03 tháng trở lên).
with
rated as (
    select
        r.id,
        r.subject_kind,
        r.person_id,
        r.subject_unit_id,
        r.unit_id,
        r.deciding_unit_id,
        r.is_head,
        r.final_level,
        r.civil_servant_level,
        r.score,
        r.decided_on,
        r.reviewed_on,
        r.sick_leave_days,
        r.source_file_id,
        r.source_row
    from rating_current r
    where r.period_year = getvariable('period_year')
      and r.period_kind = getvariable('period_kind')
      and r.period_no = getvariable('period_no')
      and r.final_level is not null
      and r.sick_leave_days is not null
      and r.subject_kind in ('member', 'civil_servant')
),

capped as (
    select
        r.*,
        r.subject_kind = 'civil_servant' as is_cs,
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

final as (
    select
        'sick_leave_cap' as rule,
        'flagged' as status,
        if(o.is_cs, getvariable('cs_rulebook'), getvariable('rulebook')) as rulebook,
        getvariable('period_year') as year,
        getvariable('period_kind') as period_kind,
        getvariable('period_no') as period_no,
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        o.deciding_unit_id,
        du.code as deciding_unit_code,
        o.subject_kind,
        o.person_id,
        o.subject_unit_id,
        person_ref(p.card_no, p.name_key, p.birth_date, p.birth_year) as subject_ref,
        p.full_name as subject_name,
        p.card_no as subject_card,
        p.birth_date as subject_birth_date,
        'medium' as severity,
        if(o.is_cs, 'Cán bộ, công chức, viên chức ', 'Đảng viên ') || p.full_name || ' (' || u.name || ') nghỉ '
            || if(o.is_cs, '', 'ốm ') || vi_num(o.sick_leave_days) || ' ngày trong năm (từ ' || o.months || ' tháng = '
            || vi_num(o.min_days) || ' ngày) nhưng được xếp loại ' || level_short(o.final_level)
            || ' (tối đa ' || level_short(o.max_level) || ')' as message,
        json_object('sick_leave_days', o.sick_leave_days, 'min_days', o.min_days, 'months', o.months,
                    'level', o.final_level, 'max_level', o.max_level) as evidence,
        sf.file_name as source_file,
        o.source_row,
        to_json([{'file': sf.file_name, 'row': o.source_row}]) as sources
    from over o
    join unit u on u.id = o.unit_id
    left join unit du on du.id = o.deciding_unit_id
    left join person p on p.id = o.person_id
    left join source_file sf on sf.id = o.source_file_id
    where u.path like getvariable('scope_path') || '%'
)

select * from final
