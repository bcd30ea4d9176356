-- self_gap (signal, not a rule): a unit where a large share of members received a final level
-- sig_gap_levels or more away from their self-rating (raised or lowered) — a vote that ignored the
-- self-assessments, or self-assessments that were not the members' own.
-- Returns one row per unit with at least sig_min_rated members rated with a self-rating and a
-- share of such gaps of at least sig_gap_share. Grain: one row per signal.
-- Settings (src/lib/server/rules/signals.ts): sig_gap_levels, sig_gap_share, sig_min_rated.
with
rated as (
    select r.unit_id, r.final_level, r.self_level
    from rating_current r
    where r.period_year = getvariable('period_year')
      and r.period_kind = getvariable('period_kind')
      and r.period_no = getvariable('period_no')
      and r.subject_kind = 'member'
      and r.final_level is not null
      and r.self_level is not null
),

per_unit as (
    select
        r.unit_id,
        count(*) as n,
        count(*) filter (where r.final_level - r.self_level >= getvariable('sig_gap_levels')) as n_up,
        count(*) filter (where r.self_level - r.final_level >= getvariable('sig_gap_levels')) as n_down
    from rated r
    group by r.unit_id
    having count(*) >= getvariable('sig_min_rated')
),

final as (
    select
        'self_gap' as signal,
        getvariable('period_year') as year,
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        round((p.n_up + p.n_down) / p.n, 4) as score,
        'Tín hiệu thống kê: ' || u.name || ' có ' || (p.n_up + p.n_down) || '/' || p.n || ' đảng viên ('
            || vi_pct((p.n_up + p.n_down) / p.n) || ') được quyết định mức cách mức tự xếp loại từ '
            || getvariable('sig_gap_levels') || ' bậc trở lên (' || p.n_up || ' cao hơn, ' || p.n_down || ' thấp hơn)' as message,
        json_object('rated', p.n, 'raised', p.n_up, 'lowered', p.n_down, 'levels', getvariable('sig_gap_levels')) as evidence
    from per_unit p
    join unit u on u.id = p.unit_id
    where p.n_up + p.n_down >= cast(getvariable('sig_gap_share') as decimal(18, 6)) * p.n
      and in_scope(u.path)
)

select * from final
