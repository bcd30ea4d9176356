-- org_level_vs_members (R5): a chi bộ's level that its members' levels do not support:
--   "Hoàn thành xuất sắc" needs r5_excellent_complete_share of members "Hoàn thành" or above and
--   r5_excellent_good_share "Hoàn thành tốt" or above; "Hoàn thành tốt" needs
--   r5_good_complete_share and r5_good_good_share; more than r5_incomplete_share of members
--   "Không hoàn thành" makes the chi bộ "Không hoàn thành".
-- Shares over the members rated in that chi bộ for the period (a chi bộ with none is not judged).
-- Returns one row per chi bộ rating the members contradict. Grain: one row per finding.
-- Levels: 4 excellent, 3 good, 2 complete, 1 incomplete.
-- Parameters: r5_unit_kinds, r5_excellent_complete_share, r5_excellent_good_share,
--   r5_good_complete_share, r5_good_good_share, r5_incomplete_share.
-- Seeds: 001 §III.2.2.1–2.2.4.
with
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select r.id, r.subject_kind, r.subject_unit_id, r.unit_id, r.deciding_unit_id, r.final_level, r.source_file_id, r.source_row
    from period_rating r
    where r.final_level is not null
),

-- the members rated in each unit, by level (shared/period_member_counts.sql)
members as (
    select m.unit_id, m.n, m.n_complete_up, m.n_good_up, m.n_incomplete
    from period_member_counts m
),

-- each organisation rating beside its members' counts; whether the unit is a chi bộ (r5_unit_kinds)
-- and in scope is asked below of the few that fail (a join of the registry's 700 000 for all cost
-- more than the checks)
org_rated as (
    select
        r.*,
        m.n,
        m.n_complete_up,
        m.n_good_up,
        m.n_incomplete,
        cast(getvariable('r5_excellent_complete_share') as decimal(18, 6)) as exc_complete,
        cast(getvariable('r5_excellent_good_share') as decimal(18, 6)) as exc_good,
        cast(getvariable('r5_good_complete_share') as decimal(18, 6)) as good_complete,
        cast(getvariable('r5_good_good_share') as decimal(18, 6)) as good_good,
        cast(getvariable('r5_incomplete_share') as decimal(18, 6)) as incomplete_share,
        -- the same in millionths (shared/macros.sql), compared in integers: in decimal(37) the
        -- comparisons cost 0,05 s a year
        share_millionths(getvariable('r5_excellent_complete_share')) as exc_complete_u,
        share_millionths(getvariable('r5_excellent_good_share')) as exc_good_u,
        share_millionths(getvariable('r5_good_complete_share')) as good_complete_u,
        share_millionths(getvariable('r5_good_good_share')) as good_good_u,
        share_millionths(getvariable('r5_incomplete_share')) as incomplete_u
    from rated r
    join members m on m.unit_id = r.subject_unit_id
    where r.subject_kind = 'party_org'
),

checked as (
    select
        c.*,
        c.n_incomplete * 1000000 > c.incomplete_u * c.n and c.final_level > 1 as too_many_incomplete,
        case c.final_level
            when 4 then c.n_complete_up * 1000000 < c.exc_complete_u * c.n
            when 3 then c.n_complete_up * 1000000 < c.good_complete_u * c.n
            else false
        end as short_of_complete,
        case c.final_level
            when 4 then c.n_good_up * 1000000 < c.exc_good_u * c.n
            when 3 then c.n_good_up * 1000000 < c.good_good_u * c.n
            else false
        end as short_of_good,
        case c.final_level when 4 then c.exc_complete when 3 then c.good_complete end as need_complete,
        case c.final_level when 4 then c.exc_good when 3 then c.good_good end as need_good
    from org_rated c
),

failing as (
    select c.*
    from checked c
    where c.too_many_incomplete or c.short_of_complete or c.short_of_good
),

-- … of a chi bộ in scope
flagged as (
    select c.*, u.code as unit_code, u.name as unit_name
    from failing c
    join units_of((select list(x.subject_unit_id) from failing x)) u on u.id = c.subject_unit_id
    where list_contains(getvariable('r5_unit_kinds'), u.kind)
      and in_scope(u.path)
),

-- the members whose levels fall short: incomplete ones where the shares of "complete or above"
-- or of "incomplete" fail, those below "good" where the share of "good or above" fails
short_members as (
    select f.id as rating_id, r.source_file_id, r.source_row
    from flagged f
    join rated r on r.unit_id = f.subject_unit_id and r.subject_kind = 'member'
    where r.final_level < if(f.short_of_good, 3, 2)
),

member_sources as (
    select m.rating_id, list({'file': sf.file_name, 'row': m.source_row} order by sf.file_name, m.source_row) as srcs
    from short_members m
    left join files_of((select list(m.source_file_id) from short_members m)) sf on sf.id = m.source_file_id
    group by m.rating_id
),

final as (
    select
        'org_level_vs_members' as rule,
        'flagged' as status,
        getvariable('rulebook') as rulebook,
        getvariable('period_year') as year,
        getvariable('period_kind') as period_kind,
        getvariable('period_no') as period_no,
        c.subject_unit_id as unit_id,
        c.unit_code,
        c.unit_name,
        c.deciding_unit_id,
        du.code as deciding_unit_code,
        c.subject_kind,
        cast(null as integer) as person_id,
        c.subject_unit_id,
        'unit:' || c.unit_code as subject_ref,
        c.unit_name as subject_name,
        cast(null as varchar) as subject_card,
        cast(null as date) as subject_birth_date,
        cast(null as integer) as subject_birth_year,
        'medium' as severity,
        c.unit_name || ' xếp loại ' || level_short(c.final_level) || ' nhưng '
            || concat_ws('; ',
                   if(c.too_many_incomplete,
                      c.n_incomplete || '/' || c.n || ' đảng viên KHTNV = ' || vi_pct_vs(c.n_incomplete / c.n, c.incomplete_share)
                      || ' > ' || vi_pct(c.incomplete_share) || ' (chi bộ phải KHTNV)', null),
                   if(c.short_of_complete,
                      'chỉ ' || c.n_complete_up || '/' || c.n || ' đảng viên HTNV trở lên = ' || vi_pct_vs(c.n_complete_up / c.n, c.need_complete)
                      || ', cần ' || vi_pct(c.need_complete), null),
                   if(c.short_of_good,
                      'chỉ ' || c.n_good_up || '/' || c.n || ' đảng viên HTTNV trở lên = ' || vi_pct_vs(c.n_good_up / c.n, c.need_good)
                      || ', cần từ ' || vi_pct(c.need_good), null)) as message,
        json_object(
            'level', c.final_level,
            'members_rated', c.n,
            'complete_or_above', c.n_complete_up,
            'good_or_above', c.n_good_up,
            'incomplete', c.n_incomplete,
            'needed_complete_share', c.need_complete,
            'needed_good_share', c.need_good,
            'incomplete_share_limit', c.incomplete_share
        ) as evidence,
        sf.file_name as source_file,
        c.source_row,
        list_concat([{'file': sf.file_name, 'row': c.source_row}], coalesce(ms.srcs, [])) as sources
    from flagged c
    left join units_of((select list(c.deciding_unit_id) from flagged c)) du on du.id = c.deciding_unit_id
    left join files_of((select list(c.source_file_id) from flagged c)) sf on sf.id = c.source_file_id
    left join member_sources ms on ms.rating_id = c.id
)

select * from final
