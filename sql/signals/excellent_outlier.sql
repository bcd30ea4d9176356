-- excellent_outlier (signal, not a rule): chi bộ whose share of members rated "Hoàn thành xuất
-- sắc" is far above that of the chi bộ in the same locality (province + huyện/xã of the registry).
-- Robust z-score: (share − median) / (sig_mad_scale × MAD); where the MAD is 0, the mean absolute
-- deviation × sig_meanad_scale instead; none when both are 0.
-- Returns one row per unit with z ≥ sig_outlier_z, at least sig_min_rated member ratings and at
-- least sig_min_peers peers. Grain: one row per signal.
-- Settings (src/lib/server/rules/signals.ts): sig_min_rated, sig_min_peers, sig_outlier_z,
--   sig_mad_scale, sig_meanad_scale.
with
rated as (
    select r.unit_id, r.final_level
    from rating_current r
    where r.period_year = getvariable('period_year')
      and r.period_kind = getvariable('period_kind')
      and r.period_no = getvariable('period_no')
      and r.subject_kind = 'member'
      and r.final_level is not null
),

per_unit as (
    select r.unit_id, count(*) as n, count(*) filter (where r.final_level = 4) as n_excellent
    from rated r
    group by r.unit_id
    having count(*) >= getvariable('sig_min_rated')
),

placed as (
    select
        p.*,
        p.n_excellent / p.n as share,
        u.code,
        u.name,
        u.path,
        u.province_code,
        -- (a province known by its code alone: its name, not "42")
        coalesce(u.locality, u.province_name, pv.name, u.province_code) as locality
    from per_unit p
    join unit u on u.id = p.unit_id
    left join (select distinct code, name from ref_provinces) pv on pv.code = u.province_code
),

centre as (
    select province_code, locality, count(*) as peers, median(share) as med
    from placed
    group by province_code, locality
    having count(*) >= getvariable('sig_min_peers')
),

deviations as (
    select p.*, c.peers, c.med, abs(p.share - c.med) as dev
    from placed p
    join centre c on c.province_code is not distinct from p.province_code and c.locality is not distinct from p.locality
),

spread as (
    select province_code, locality, median(dev) as mad, avg(dev) as mean_dev
    from deviations
    group by province_code, locality
),

scored as (
    select
        d.*,
        s.mad,
        case
            when s.mad > 0 then (d.share - d.med) / (getvariable('sig_mad_scale') * s.mad)
            when s.mean_dev > 0 then (d.share - d.med) / (getvariable('sig_meanad_scale') * s.mean_dev)
        end as z
    from deviations d
    join spread s on s.province_code is not distinct from d.province_code and s.locality is not distinct from d.locality
),

final as (
    select
        'excellent_outlier' as signal,
        getvariable('period_year') as year,
        s.unit_id,
        s.code as unit_code,
        s.name as unit_name,
        round(s.z, 2) as score,
        'Tín hiệu thống kê: ' || s.name || ' có ' || s.n_excellent || '/' || s.n || ' đảng viên HTXSNV ('
            || vi_pct(s.share) || '), trung vị của ' || s.peers || ' chi bộ cùng địa bàn ' || s.locality || ' là '
            || vi_pct(s.med) || ' (z = ' || vi_num(s.z) || ')' as message,
        json_object('excellent', s.n_excellent, 'rated', s.n, 'share', s.share, 'median', s.med, 'mad', s.mad,
                    'peers', s.peers, 'locality', s.locality, 'z', s.z) as evidence
    from scored s
    where s.z >= getvariable('sig_outlier_z')
      and in_scope(s.path)
)

select * from final
