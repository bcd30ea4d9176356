-- missing_review (R4): what should have been reviewed, rated or sent and was not, or was late.
--   a. a roster member owed a rating for the year and without one (flagged), or with a stated
--      reason for not being rated that the roster does not bear out (exempted, with the reason);
--      not owed: statuses in r4_not_owed_statuses (exempt, suspended, temporary: rated in the
--      official chi bộ), members admitted less than new_member_months before the chi bộ's list
--      date (else 31/12), counted in calendar months (31/05 + 6 months = 30/11);
--   b. a rating without a review date, or decided before its review (subject kinds in
--      r4_review_subject_kinds);
--   c. a registry unit of a rated kind, alive new_org_months by the end of the year (its age from
--      its oldest predecessor, as in R7) and not dissolved by its deadline, that no rating of the
--      year names (as the subject, the unit or the deciding body): no list sent;
--   d. a list (the ratings of one deciding body, unit, subject kind and period) decided after the
--      deadline for the deciding body's level (r4_deadlines: per unit kind, '*' otherwise, province
--      overrides first; the date itself allowed); a list without a decision date is not judged.
-- a, c and d concern the yearly round only.
-- Returns one row per finding; subject_ref: the person (a, b), 'unit:CODE' (b for organisations,
-- c, d).
-- Parameters: new_member_months, new_org_months, r4_not_owed_statuses, r4_review_subject_kinds,
--   r4_deadlines, cs_r4_deadlines.
-- Seeds: 000 §A.1.2, §II.2 (deadlines); 001 §V.4, §V.5.1; 002 (05/12, 08/12, 10/12);
--   003 §5.4, §5.8, §5.10, §5.14.
with
period_ratings as (
    select r.*
    from rating_current r
    where r.period_year = getvariable('period_year')
      and r.period_kind = getvariable('period_kind')
      and r.period_no = getvariable('period_no')
),

-- a. roster members owed a rating -------------------------------------------------------------
member_lists as (
    select r.unit_id, max(r.decided_on) as list_decided_on
    from period_ratings r
    where r.subject_kind = 'member'
    group by r.unit_id
),

owed_rows as (
    select
        m.*,
        coalesce(p.joined_party_on, m.joined_party_on) as joined_on,
        coalesce(l.list_decided_on, getvariable('period_end')) as as_of
    from membership_current m
    join person p on p.id = m.person_id
    left join member_lists l on l.unit_id = m.unit_id
    where getvariable('period_kind') = 'year'
      and m.year = getvariable('period_year')
      and not list_contains(getvariable('r4_not_owed_statuses'), m.status)
    qualify row_number() over (partition by m.person_id order by m.source_file_id desc, m.source_row desc) = 1
),

owed as (
    select o.*
    from owed_rows o
    where o.joined_on is null
       or cast(o.joined_on + to_months(getvariable('new_member_months')) as date) <= o.as_of
),

member_rated as (
    select distinct r.person_id
    from period_ratings r
    where r.subject_kind = 'member' and r.final_level is not null
),

member_unrated as (
    select
        r.person_id,
        arg_max(r.not_rated_reason, r.id) as reason,
        arg_max(r.id, r.id) as rating_id
    from period_ratings r
    where r.subject_kind = 'member' and r.final_level is null
    group by r.person_id
),

roster_findings as (
    select
        if(nr.reason is not null, 'exempted', 'flagged') as status,
        o.unit_id,
        nr_r.deciding_unit_id,
        'member' as subject_kind,
        o.person_id,
        cast(null as integer) as subject_unit_id,
        'Đảng viên ' || p.full_name || ' (' || u.name || ') có tên trong danh sách đảng viên năm '
            || getvariable('period_year')
            || if(nr.reason is not null,
                  ' không được xếp loại, lý do ghi: "' || nr.reason || '"',
                  ' nhưng không có kết quả xếp loại') as message,
        json_object('check', 'roster_member_not_rated', 'status', o.status, 'joined_party_on', o.joined_on,
                    'as_of', o.as_of, 'not_rated_reason', nr.reason) as evidence,
        coalesce(nr_sf.file_name, sf.file_name) as source_file,
        coalesce(nr_r.source_row, o.source_row) as source_row,
        list_filter([{'file': sf.file_name, 'row': o.source_row}, {'file': nr_sf.file_name, 'row': nr_r.source_row}],
                    s -> s.row is not null) as srcs
    from owed o
    anti join member_rated mr on mr.person_id = o.person_id
    join person p on p.id = o.person_id
    join unit u on u.id = o.unit_id
    left join member_unrated nr on nr.person_id = o.person_id
    left join rating nr_r on nr_r.id = nr.rating_id
    left join source_file nr_sf on nr_sf.id = nr_r.source_file_id
    left join source_file sf on sf.id = o.source_file_id
),

-- b. rated without (or before) review ---------------------------------------------------------
review_findings as (
    select
        'flagged',
        coalesce(r.subject_unit_id, r.unit_id),
        r.deciding_unit_id,
        r.subject_kind,
        r.person_id,
        r.subject_unit_id,
        case r.subject_kind
            when 'party_org' then su.name
            when 'leadership' then 'Tập thể lãnh đạo, quản lý ' || su.name
            when 'leader' then 'Cán bộ lãnh đạo, quản lý ' || p.full_name || ' (' || u.name || ')'
            else 'Đảng viên ' || p.full_name || ' (' || u.name || ')'
        end
            || ' được xếp loại ' || level_short(r.final_level)
            || if(r.reviewed_on is null,
                  ' nhưng không có ngày kiểm điểm',
                  ' ngày ' || vi_date(r.decided_on) || ', trước khi kiểm điểm (ngày ' || vi_date(r.reviewed_on) || ')'),
        json_object('check', if(r.reviewed_on is null, 'no_review', 'rated_before_review'),
                    'reviewed_on', r.reviewed_on, 'decided_on', r.decided_on),
        sf.file_name,
        r.source_row,
        [{'file': sf.file_name, 'row': r.source_row}]
    from period_ratings r
    left join unit u on u.id = r.unit_id
    left join unit su on su.id = r.subject_unit_id
    left join person p on p.id = r.person_id
    left join source_file sf on sf.id = r.source_file_id
    where r.final_level is not null
      and list_contains(getvariable('r4_review_subject_kinds'), r.subject_kind)
      and (r.reviewed_on is null or r.reviewed_on > r.decided_on)
),

-- deadlines: the rulebooks' tables, province overrides first ----------------------------------
deadlines as (
    select false as is_cs, d.* from (select unnest(getvariable('r4_deadlines'), recursive := true)) d
    union all
    select true, d.* from (select unnest(getvariable('cs_r4_deadlines'), recursive := true)) d
),

unit_deadlines as (
    select
        u.id as unit_id,
        d.is_cs,
        cast(strptime(getvariable('period_year') || '-' || coalesce(
            max(d.md) filter (where d.province = u.province_code and d.kind = u.kind),
            max(d.md) filter (where d.province = '*' and d.kind = u.kind),
            max(d.md) filter (where d.province = u.province_code and d.kind = '*'),
            max(d.md) filter (where d.province = '*' and d.kind = '*')), '%Y-%m-%d') as date) as deadline
    from unit u
    cross join deadlines d
    group by u.id, d.is_cs
),

-- c. registry units that sent no list ---------------------------------------------------------
lineage as (
    with recursive ancestors(code, ancestor) as (
        select u.code, u.code from unit u
        union
        select a.code, l.from_code
        from ancestors a
        join unit_lineage l on l.to_code = a.ancestor
    )
    select a.code, min(anc.founded_on) as founded_on
    from ancestors a
    join unit anc on anc.code = a.ancestor
    group by a.code
),

named_units as (
    select unit_id as id from period_ratings where unit_id is not null
    union
    select subject_unit_id from period_ratings where subject_unit_id is not null
    union
    select deciding_unit_id from period_ratings where deciding_unit_id is not null
),

unit_findings as (
    select
        'flagged',
        u.id,
        cast(null as integer),
        'party_org',
        cast(null as integer),
        u.id,
        u.name || ' không gửi danh sách xếp loại năm ' || getvariable('period_year')
            || coalesce(' (thành lập ' || vi_date(l.founded_on) || ')', ''),
        json_object('check', 'no_list', 'unit_kind', u.kind, 'founded_on', l.founded_on, 'dissolved_on', u.dissolved_on),
        sf.file_name,
        u.source_row,
        [{'file': sf.file_name, 'row': u.source_row}]
    from unit u
    left join lineage l on l.code = u.code
    left join unit_deadlines dl on dl.unit_id = u.id and not dl.is_cs
    left join source_file sf on sf.id = u.source_file_id
    anti join named_units n on n.id = u.id
    where getvariable('period_kind') = 'year'
      and u.kind in (select unit_kind from ref_unit_kind_alias where rated = 'true')
      and (l.founded_on is null
           or cast(l.founded_on + to_months(getvariable('new_org_months')) as date) <= getvariable('period_end'))
      and (u.dissolved_on is null or u.dissolved_on > coalesce(dl.deadline, getvariable('period_end')))
),

-- d. lists decided after the deadline ---------------------------------------------------------
lists as (
    select
        r.deciding_unit_id,
        coalesce(r.unit_id, r.subject_unit_id, r.deciding_unit_id) as unit_id,
        r.subject_kind,
        max(r.decided_on) as decided_on,
        arg_max(r.id, r.decided_on) as last_id,
        count(*) as n_rows,
        list({'file': sf.file_name, 'row': r.source_row} order by sf.file_name, r.source_row) as srcs
    from period_ratings r
    left join source_file sf on sf.id = r.source_file_id
    where getvariable('period_kind') = 'year'
      and r.deciding_unit_id is not null
      and r.decided_on is not null
    group by r.deciding_unit_id, coalesce(r.unit_id, r.subject_unit_id, r.deciding_unit_id), r.subject_kind
),

late_findings as (
    select
        'flagged',
        l.unit_id,
        l.deciding_unit_id,
        l.subject_kind,
        cast(null as integer),
        l.unit_id,
        u.name || ': danh sách xếp loại ' || subject_kind_vi(l.subject_kind) || ' (' || l.n_rows || ' dòng) do '
            || du.name || ' quyết định ngày ' || vi_date(l.decided_on) || ', sau hạn ' || vi_date(dl.deadline),
        json_object('check', 'late_list', 'decided_on', l.decided_on, 'deadline', dl.deadline,
                    'deciding_unit_kind', du.kind, 'rows', l.n_rows, 'days_late', l.decided_on - dl.deadline),
        sf.file_name,
        last.source_row,
        l.srcs
    from lists l
    join unit du on du.id = l.deciding_unit_id
    join unit u on u.id = l.unit_id
    join unit_deadlines dl on dl.unit_id = l.deciding_unit_id and dl.is_cs = (l.subject_kind = 'civil_servant')
    join rating last on last.id = l.last_id
    left join source_file sf on sf.id = last.source_file_id
    where l.decided_on > dl.deadline
),

findings as (
    select * from roster_findings
    union all select * from review_findings
    union all select * from unit_findings
    union all select * from late_findings
),

final as (
    select
        'missing_review' as rule,
        f.status,
        if(f.subject_kind = 'civil_servant', getvariable('cs_rulebook'), getvariable('rulebook')) as rulebook,
        getvariable('period_year') as year,
        getvariable('period_kind') as period_kind,
        getvariable('period_no') as period_no,
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        f.deciding_unit_id,
        du.code as deciding_unit_code,
        f.subject_kind,
        f.person_id,
        f.subject_unit_id,
        if(f.person_id is not null, person_ref(p.card_no, p.name_key, p.birth_date, p.birth_year), 'unit:' || u.code) as subject_ref,
        coalesce(p.full_name, u.name) as subject_name,
        p.card_no as subject_card,
        p.birth_date as subject_birth_date,
        if(f.status = 'flagged', 'medium', 'low') as severity,
        f.message,
        f.evidence,
        f.source_file,
        f.source_row,
        to_json(f.srcs) as sources
    from findings f
    join unit u on u.id = f.unit_id
    left join unit du on du.id = f.deciding_unit_id
    left join person p on p.id = f.person_id
    where u.path like getvariable('scope_path') || '%'
)

select * from final
