-- identical_years (signal, not a rule): a chi bộ whose member list (each member with their level)
-- is exactly the same in sig_identical_years consecutive years ending with the audited one — a
-- list copied forward rather than voted.
-- A chi bộ renamed, or moved whole into a new commune under a new code (lineage one to one: the
-- 2025 arrangement), is the same list: its predecessor's years count as its own, two steps back.
-- Returns one row per unit with at least sig_min_rated members rated each of those years.
-- Grain: one row per signal.
-- Settings (src/lib/server/rules/signals.ts): sig_identical_years, sig_min_rated.
with
-- lineage one to one: the unit's only successor, of which it is the only predecessor, where it goes
-- on as that one: renamed, or merged into a unit formed then (not a split: the old chi bộ lives on;
-- not absorbed into a chi bộ with a list of its own)
successor as (
    select f.id as from_id, t.id as to_id
    from unit_lineage l
    join unit f on f.code = l.from_code
    join unit t on t.code = l.to_code
    where l.kind = 'rename'
       or (l.kind = 'merge' and (t.founded_on is null or l.effective_on is null or t.founded_on >= l.effective_on))
    qualify count(*) over (partition by l.from_code) = 1 and count(*) over (partition by l.to_code) = 1
),

-- each yearly member list of a chi bộ (under the name it goes by now), summed up: its size, its
-- levels, and an order-free signature of (member, level) pairs
lists as (
    select
        r.period_year,
        coalesce(s2.to_id, s1.to_id, r.unit_id) as unit_id,
        count(*) as n,
        count(*) filter (where r.final_level = 4) as n_excellent,
        count(*) filter (where r.final_level = 3) as n_good,
        sum(hash(r.person_id, r.final_level)::hugeint) as signature
    from rating_current r
    left join successor s1 on s1.from_id = r.unit_id
    left join successor s2 on s2.from_id = s1.to_id
    where r.period_kind = 'year'
      and r.period_year between getvariable('period_year') - getvariable('sig_identical_years') + 1 and getvariable('period_year')
      and r.subject_kind = 'member'
      and r.final_level is not null
    group by all
    having count(*) >= getvariable('sig_min_rated')
),

same as (
    select
        l.unit_id,
        min(l.period_year) as first_year,
        max(l.n) as n,
        count(*) filter (where l.period_year = getvariable('period_year')) as has_current,
        arg_max(l.n_excellent, l.period_year) as n_excellent,
        arg_max(l.n_good, l.period_year) as n_good
    from lists l
    group by l.unit_id
    having count(*) = getvariable('sig_identical_years')
       and count(distinct l.signature) = 1
       and count(distinct l.n) = 1
),

final as (
    select
        'identical_years' as signal,
        getvariable('period_year') as year,
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        cast(getvariable('sig_identical_years') as double) as score,
        'Tín hiệu thống kê: danh sách xếp loại ' || s.n || ' đảng viên của ' || u.name || ' giống hệt nhau '
            || getvariable('sig_identical_years') || ' năm liền (' || s.first_year || '–' || getvariable('period_year') || ')' as message,
        json_object('years', getvariable('sig_identical_years'), 'first_year', s.first_year, 'members', s.n,
                    'excellent', s.n_excellent, 'good', s.n_good) as evidence
    from same s
    join unit u on u.id = s.unit_id
    where s.has_current > 0
      and in_scope(u.path)
)

select * from final
