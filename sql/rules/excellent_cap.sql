-- excellent_cap (R1): more ratings of "Hoàn thành xuất sắc nhiệm vụ" than the rulebook's share of
-- those rated "Hoàn thành tốt nhiệm vụ" (or good and above) allows, within one grouping.
--
-- Returns one row per grouping over its cap (flagged, with the excess that must be re-voted), or
-- saved by an exception (exempted: fewer than r1_small_unit_below good, so r1_small_unit_allowed
-- excellent may be chosen; or an outstanding unit, or agency, on the year's allowance list).
-- Grain: one row per finding. Groupings, each its own finding (RULES.md, "R1 grouping"):
--   unit    each chi bộ over its members' ratings (within each "Nhóm" where the rulebook groups by
--           it): subject_ref 'group:unit', unit = the chi bộ;
--           civil servants: each agency (and "Nhóm" of similar duties), as NĐ 90 / NĐ 335 count
--           them, under the unit it is placed in, also 'group:unit' — no deciding-body grouping;
--   decider each deciding body over everything it decides for one subject kind (and one "Nhóm" of
--           similar positions where the rulebook groups by it): subject_ref 'group:decider',
--           unit = the deciding body.
-- allowed = floor(share × denominator); excess = excellent − allowed; counted on the final levels
-- as decided (before any re-vote). Sources: the excellent ratings of the grouping (those a re-vote
-- would lower). Levels: 4 excellent, 3 good.
-- Parameters: r1_share, r1_share_by_province, r1_denominator, r1_small_unit_below,
--   r1_small_unit_allowed, r1_allowance_units, r1_group_by_column, r1_subject_kinds; the same with
--   cs_ for civil-servant ratings (cs_rulebook).
-- Seeds: 000 §B.2.1 (lưu ý) and §II.5; 001 §IV.2.1.2.a and §V.4 (lưu ý: biểu quyết lại);
--   003 §5.2 and §5.13.
with
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select r.id, r.subject_kind, r.unit_id, r.deciding_unit_id, r.group_name, r.agency, r.final_level,
           r.source_file_id, r.source_row, r.is_cs, r.agency_unit_id
    from period_rating r
    where r.final_level is not null
      and (list_contains(getvariable('r1_subject_kinds'), r.subject_kind)
           or list_contains(getvariable('cs_r1_subject_kinds'), r.subject_kind))
),

-- the chi bộ whose member lists name a "Nhóm" of similar positions, where the rulebook counts
-- within them (r1_group_by_column, QĐ 366: RULES.md "R1 under QĐ 366")
grouped_units as (
    select distinct g.unit_id
    from period_member_groups g
    where getvariable('r1_group_by_column')
      and g.group_name is not null
),

grouped as (
    -- each chi bộ over its members (the counts of shared/period_member_counts.sql) …
    select
        'unit' as grouping,
        m.unit_id as group_unit_id,
        'member' as subject_kind,
        false as by_group,
        cast(null as varchar) as group_name,
        m.n_excellent,
        m.n_good,
        -- the grouping's deciding body, when it has only one
        if(m.min_decider = m.max_decider, m.min_decider, null) as deciding_unit_id,
        -- a civil servants' grouping: their agency (the allowance may name it)
        cast(null as varchar) as agency
    from period_member_counts m
    anti join grouped_units g on g.unit_id = m.unit_id
    where list_contains(getvariable('r1_subject_kinds'), 'member')
      and m.unit_id is not null
      and m.n_excellent > 0

    union all

    -- … or within each of its groups, where its list names them (members in none: a group of their
    -- own); the counts of shared/period_member_groups.sql, as for each deciding body below
    select
        'unit',
        g.unit_id,
        'member',
        true,
        g.group_name,
        sum(g.n_excellent)::bigint,
        sum(g.n_good)::bigint,
        if(min(g.deciding_unit_id) = max(g.deciding_unit_id), min(g.deciding_unit_id), null),
        null
    from period_member_groups g
    semi join grouped_units u on u.unit_id = g.unit_id
    where list_contains(getvariable('r1_subject_kinds'), 'member')
    group by g.unit_id, g.group_name
    having sum(g.n_excellent) > 0

    union all

    -- civil servants: within one agency (and one group of similar duties), as the decrees say, under
    -- the unit its agency is placed in (schema 012), whose scope the finding takes — not the chi bộ a
    -- row names, which only places the person; a list naming no agency, under its unit
    select
        'unit',
        coalesce(r.agency_unit_id, r.unit_id),
        r.subject_kind,
        getvariable('cs_r1_group_by_column'),
        concat_ws(' · ', r.agency, if(getvariable('cs_r1_group_by_column'), r.group_name, null)),
        count(*) filter (where r.final_level = 4),
        count(*) filter (where r.final_level = 3),
        if(min(r.deciding_unit_id) = max(r.deciding_unit_id), min(r.deciding_unit_id), null),
        r.agency
    from rated r
    where r.is_cs
      and coalesce(r.agency_unit_id, r.unit_id) is not null
    group by 2, r.subject_kind, 5, r.agency
    having count(*) filter (where r.final_level = 4) > 0

    union all

    select
        'decider',
        g.deciding_unit_id,
        'member',
        getvariable('r1_group_by_column'),
        if(getvariable('r1_group_by_column'), g.group_name, null),
        sum(g.n_excellent)::bigint,
        sum(g.n_good)::bigint,
        g.deciding_unit_id,
        null
    from period_member_groups g
    -- (as `rated` takes the kinds of either rulebook)
    where (list_contains(getvariable('r1_subject_kinds'), 'member') or list_contains(getvariable('cs_r1_subject_kinds'), 'member'))
      and g.deciding_unit_id is not null
    group by g.deciding_unit_id, 5
    having sum(g.n_excellent) > 0

    union all

    select
        'decider',
        r.deciding_unit_id,
        r.subject_kind,
        getvariable('r1_group_by_column'),
        if(getvariable('r1_group_by_column'), r.group_name, null),
        count(*) filter (where r.final_level = 4),
        count(*) filter (where r.final_level = 3),
        r.deciding_unit_id,
        null
    from rated r
    where not r.is_cs
      and r.subject_kind <> 'member'
      and r.deciding_unit_id is not null
    group by r.deciding_unit_id, r.subject_kind, 5
    having count(*) filter (where r.final_level = 4) > 0
),

-- the groupings that may be over their cap (or saved by the small-unit exception): more excellent
-- ratings than the lowest share of any province, of either rulebook, allows of their good ones
-- alone (under either denominator, allowed ≥ that). Most of a country's 500 000 are not: each
-- one less is a unit looked up and two joins less.
candidates as (
    select g.*
    from grouped g
    where g.n_excellent > floor_share(list_min(list_concat(
              [getvariable('r1_share'), getvariable('cs_r1_share')],
              map_values(getvariable('r1_share_by_province')),
              map_values(getvariable('cs_r1_share_by_province')))), g.n_good)
),

-- the civil-servant allowance's agencies: "MÃ:tên cơ quan", the code of the unit the agency is placed
-- in and its name as unit names are compared (unit_loose_key: "UBND xã A" is "Ủy ban nhân dân xã A",
-- "Trường MN B, xã A" is "Trường Mầm non B"). NĐ 335 allows more to an outstanding agency, not to
-- every agency placed in its commune's đảng bộ: a bare code still allows the whole unit.
cs_allowed_agencies as (
    select trim(split_part(a, ':', 1)) as code, unit_loose_key(substr(a, strpos(a, ':') + 1)) as agency_key
    from (select unnest(getvariable('cs_r1_allowance_units')) as a)
    where contains(a, ':')
),

-- the groupings' units (a lookup: a quarter's few groupings read a few units, not the registry)
group_units as (
    select * from units_of((select list(g.group_unit_id) from candidates g))
),

-- the share per province: the province's own, else that of the province it became part of in
-- 2025, else the rulebook's (once per province, not per grouping: 0,1 s a year)
province_shares as (
    select
        p.province_code,
        coalesce(getvariable('r1_share_by_province')[p.province_code],
                 getvariable('r1_share_by_province')[merged_province(p.province_code)], getvariable('r1_share')) as share,
        coalesce(getvariable('cs_r1_share_by_province')[p.province_code],
                 getvariable('cs_r1_share_by_province')[merged_province(p.province_code)], getvariable('cs_r1_share')) as cs_share
    from (select distinct u.province_code from group_units u) p
),

with_params as (
    select
        g.*,
        u.code as unit_code,
        u.name as unit_name,
        g.subject_kind = 'civil_servant' as is_cs,
        if(g.subject_kind = 'civil_servant', ps.cs_share, ps.share) as share,
        if(g.subject_kind = 'civil_servant', getvariable('cs_r1_denominator'), getvariable('r1_denominator')) as denominator_kind,
        if(g.subject_kind = 'civil_servant', getvariable('cs_r1_small_unit_below'), getvariable('r1_small_unit_below')) as small_unit_below,
        if(g.subject_kind = 'civil_servant', getvariable('cs_r1_small_unit_allowed'), getvariable('r1_small_unit_allowed')) as small_unit_allowed,
        list_contains(if(g.subject_kind = 'civil_servant', getvariable('cs_r1_allowance_units'), getvariable('r1_allowance_units')), u.code)
            or exists (select 1 from cs_allowed_agencies x
                       where g.subject_kind = 'civil_servant' and x.code = u.code and x.agency_key = unit_loose_key(g.agency)) as has_allowance
    from candidates g
    join group_units u on u.id = g.group_unit_id
    join province_shares ps on ps.province_code is not distinct from u.province_code
    where in_scope(u.path)
),

counted as (
    select
        p.*,
        if(p.denominator_kind = 'good_and_above', p.n_good + p.n_excellent, p.n_good) as denominator,
        coalesce(p.n_good < p.small_unit_below, false) as is_small
    from with_params p
),

allowed as (
    select
        c.*,
        cast(floor_share(c.share, c.denominator) as integer) as allowed_by_share
    from counted c
),

judged as (
    select
        a.*,
        if(a.is_small, greatest(a.allowed_by_share, a.small_unit_allowed), a.allowed_by_share) as allowed_count
    from allowed a
),

-- what the allowance list granted an outstanding chi bộ (its excellent ratings beyond its own
-- cap), per body that decided them: not counted again at that body's grouping, or the same ratings
-- would be allowed at the chi bộ and ordered re-voted at the body (RULES.md "R1 under QĐ 366").
-- A body on the list itself is saved by its own place on it (a chi bộ deciding its own members
-- too): nothing left out there. (The left-out ratings stay among those rated good and above: they
-- are rated so.)
granted as (
    select
        d.deciding_unit_id,
        if(getvariable('r1_group_by_column'), d.group_name, null) as group_name,
        -- (a chi bộ decided by two bodies: each leaves out at most what it decided)
        sum(least(j.n_excellent - j.allowed_count, d.n_excellent))::bigint as n_left_out,
        list_sort(list_distinct(list(j.unit_name))) as left_out_units
    from judged j
    join period_member_groups d
        on d.unit_id = j.group_unit_id
       and (not j.by_group or d.group_name is not distinct from j.group_name)
    where j.grouping = 'unit' and j.subject_kind = 'member' and j.has_allowance
      and j.n_excellent > j.allowed_count
      and d.n_excellent > 0
    group by all
),

left_out as (
    select
        j.*,
        coalesce(g.n_left_out, 0) as n_left_out,
        g.left_out_units,
        j.n_excellent - coalesce(g.n_left_out, 0) as n_counted
    from judged j
    left join granted g
        on j.grouping = 'decider' and j.subject_kind = 'member' and not j.has_allowance
       and g.deciding_unit_id = j.group_unit_id
       and g.group_name is not distinct from j.group_name
),

verdict as (
    select
        j.*,
        j.n_counted - j.allowed_count as excess,
        case
            when j.n_counted > j.allowed_count and not j.has_allowance then 'flagged'
            when j.n_counted > j.allowed_count then 'exempted'
            else 'exempted' -- saved by the small-unit exception
        end as status
    from left_out j
    -- the small-unit exception saves a grouping only when the share alone would not allow its
    -- excellent ratings (1 HTXSNV / 4 HTTNV under good-and-above is 20%: nothing to exempt)
    where j.n_counted > j.allowed_count or (j.is_small and j.n_counted > j.allowed_by_share)
),

-- the excellent ratings of each grouping (those a re-vote would lower), for the sources
involved as (
    select v.grouping, v.group_unit_id, v.subject_kind, v.group_name, r.source_file_id, r.source_row
    from verdict v
    join (select r.* from rated r
          semi join keys_of((select list(x.group_unit_id) from verdict x where x.grouping = 'unit')) k
              on k.id = r.unit_id and k.id is not null) r
        on r.unit_id = v.group_unit_id and r.subject_kind = v.subject_kind
    where v.grouping = 'unit' and r.final_level = 4 and not r.is_cs
      and (not v.by_group or r.group_name is not distinct from v.group_name)

    union all

    -- … and civil servants, under the unit their agency is placed in (else their unit), as grouped
    select v.grouping, v.group_unit_id, v.subject_kind, v.group_name, r.source_file_id, r.source_row
    from verdict v
    join rated r on coalesce(r.agency_unit_id, r.unit_id) = v.group_unit_id and r.subject_kind = v.subject_kind
    where v.grouping = 'unit' and r.final_level = 4 and r.is_cs
      and concat_ws(' · ', r.agency, if(v.by_group, r.group_name, null)) = v.group_name

    union all

    select v.grouping, v.group_unit_id, v.subject_kind, v.group_name, r.source_file_id, r.source_row
    from verdict v
    -- (the few groupings' rows first, by a list of them (keys_of): the join alone read a year's
    -- 600 000 excellent ratings)
    join (select r.* from rated r
          semi join keys_of((select list(x.group_unit_id) from verdict x where x.grouping = 'decider')) k
              on k.id = r.deciding_unit_id and k.id is not null) r
        on r.deciding_unit_id = v.group_unit_id and r.subject_kind = v.subject_kind
    where v.grouping = 'decider' and r.final_level = 4
      and (not v.by_group or r.group_name is not distinct from v.group_name)
),

sourced as (
    select
        i.grouping,
        i.group_unit_id,
        i.subject_kind,
        i.group_name,
        arg_min(sf.file_name, [i.source_file_id, i.source_row]) as source_file,
        arg_min(i.source_row, [i.source_file_id, i.source_row]) as source_row,
        list_sort(list({'file': sf.file_name, 'row': i.source_row})) as sources
    from involved i
    left join files_of((select list(i.source_file_id) from involved i)) sf on sf.id = i.source_file_id
    group by all
),

final as (
    select
        'excellent_cap' as rule,
        v.status,
        if(v.is_cs, getvariable('cs_rulebook'), getvariable('rulebook')) as rulebook,
        getvariable('period_year') as year,
        getvariable('period_kind') as period_kind,
        getvariable('period_no') as period_no,
        v.group_unit_id as unit_id,
        v.unit_code,
        v.unit_name,
        v.deciding_unit_id,
        du.code as deciding_unit_code,
        v.subject_kind,
        cast(null as integer) as person_id,
        v.group_unit_id as subject_unit_id,
        'group:' || v.grouping as subject_ref,
        v.unit_name as subject_name,
        cast(null as varchar) as subject_card,
        cast(null as date) as subject_birth_date,
        cast(null as integer) as subject_birth_year,
        if(v.status = 'flagged', 'high', 'low') as severity,
        -- (an agency's list: the agency first, the party unit it is placed in after it)
        case when v.is_cs and nullif(v.group_name, '') is not null
             then v.group_name || ' (cán bộ, công chức, viên chức; thuộc ' || v.unit_name || ')'
             else v.unit_name
                  || case
                         when v.grouping = 'decider'
                             then ' (quyết định xếp loại ' || subject_kind_vi(v.subject_kind) || coalesce(', ' || v.group_label, '') || ')'
                         when v.is_cs then ' (cán bộ, công chức, viên chức)'
                         else coalesce(' (' || v.group_label || ')', '')
                     end
        end
            || ': '
            || case
                   when v.is_small then
                       v.n_counted || ' HTXSNV / ' || v.n_good || ' HTTNV: dưới ' || v.small_unit_below
                       || ' HTTNV nên được chọn ' || v.allowed_count || ' HTXSNV'
                       || if(v.excess > 0, ', vượt ' || v.excess, '')
                   when v.denominator = 0 then
                       v.n_counted || ' HTXSNV, không có HTTNV' || if(v.denominator_kind = 'good_and_above', ' trở lên', '')
                       || ', vượt ' || v.excess
                   else
                       v.n_counted || ' HTXSNV / ' || v.denominator || ' HTTNV'
                       || if(v.denominator_kind = 'good_and_above', ' trở lên', '')
                       || ' = ' || vi_pct_vs(v.n_counted / v.denominator, v.share) || ' > ' || vi_pct(v.share)
                       || ', vượt ' || v.excess
               end
            || case
                   when v.status = 'exempted' and v.has_allowance and v.excess > 0
                       then ': được cấp có thẩm quyền cho phép vượt tỷ lệ'
                   when v.status = 'exempted' then ' (ngoại lệ đơn vị có dưới ' || v.small_unit_below || ' HTTNV)'
                   else ''
               end
            || if(v.n_left_out > 0,
                  ' (không tính ' || v.n_left_out || ' HTXSNV vượt tỷ lệ của ' || array_to_string(v.left_out_units, ', ')
                  || ', được cấp có thẩm quyền cho phép vượt tỷ lệ)', '') as message,
        json_object(
            'grouping', v.grouping,
            'group_name', v.group_name,
            'excellent', v.n_excellent,
            'good', v.n_good,
            'denominator', v.denominator_kind,
            'denominator_count', v.denominator,
            'share', v.share,
            'allowed', v.allowed_count,
            'excess', greatest(v.excess, 0),
            'small_unit', v.is_small,
            'small_unit_below', v.small_unit_below,
            'allowance', v.has_allowance,
            -- (the excellent ratings an allowed chi bộ was granted, not counted here: granted above)
            'left_out', nullif(v.n_left_out, 0),
            'left_out_units', v.left_out_units
        ) as evidence,
        s.source_file,
        s.source_row,
        s.sources
    -- (a group named "Nhóm B" is said as written, not "nhóm Nhóm B")
    from (select v.*, if(regexp_matches(fold(v.group_name), '^nhom\b'), '', 'nhóm ') || v.group_name as group_label from verdict v) v
    left join units_of((select list(v.deciding_unit_id) from verdict v)) du on du.id = v.deciding_unit_id
    left join sourced s
        on s.grouping = v.grouping
       and s.group_unit_id = v.group_unit_id
       and s.subject_kind = v.subject_kind
       and s.group_name is not distinct from v.group_name
)

select * from final
