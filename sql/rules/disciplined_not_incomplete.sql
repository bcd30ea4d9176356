-- disciplined_not_incomplete (R2): a person or an organisation disciplined in the period (decision
-- dated in it) yet rated above "Không hoàn thành nhiệm vụ".
--
-- Returns one row per rating rated above what its disciplines allow (flagged), or saved by the
-- self-remedy exception (exempted: a chi bộ that detected and remedied the fault itself may still
-- be "Hoàn thành nhiệm vụ", not higher). Grain: one row per finding.
-- Matching: person_id (identity resolved by the ingest: card number, else name + birth date in the
-- unit and its lineage), so a namesake is not matched; an organisation by subject_unit_id.
-- A violation counts once, in the year (period) of the decision. Under qd124 a collective is also
-- "Không hoàn thành" when one of its members was disciplined unless self-remedied (an
-- organisation's: counted where the violation happened, the register's unit column; a leadership
-- collective's: its own members), or when more than a share of its direct sub-units were. Levels: 4 excellent .. 1 incomplete.
-- A civil servant (NĐ 335, RULES.md "Rules change": disciplined, reprimand or above, for a duty
-- violation in the year) is capped by the State's discipline a register gives beside the Party's
-- ("Hình thức kỷ luật chính quyền"), of the forms its civil-servant rulebook counts.
-- Parameters: discipline_forms_member, discipline_forms_org, r2_max_level,
--   r2_self_remedied_max_level, r2_org_subject_kinds, r2_collective_member_disciplined,
--   r2_collective_subunit_share; cs_r2_max_level, cs_r2_state_discipline_forms.
-- Seeds: 000 §II.5; 001 §III.2.2.3, §III.2.2.4, §IV.2.1.2.d, §IV.2.2.3.d, §V.5.4; 003 §5.12.
with
-- only ratings above r2_max_level can be found (every cap below is at least that)
-- not materialized: each use below reads only the rows and columns it needs
rated as not materialized (
    select r.id, r.subject_kind, r.person_id, r.subject_unit_id, r.unit_id, r.final_level
    from period_rating r
    where r.final_level > if(r.is_cs, getvariable('cs_r2_max_level'), getvariable('r2_max_level'))
),

-- a person's own ratings (member, leader) against their disciplines
person_hits as (
    select
        r.id as rating_id,
        getvariable('r2_max_level') as cap,
        getvariable('r2_max_level') as strict_cap,
        d.decided_on,
        'bị kỷ luật ' || discipline_form_vi(d.form) || ' ngày ' || vi_date(d.decided_on) as hit,
        json_object('reason', 'person', 'form', d.form, 'decided_on', d.decided_on, 'self_remedied', d.self_remedied) as detail,
        [{'file': d.file_name, 'row': d.source_row}] as srcs
    from rated r
    join period_discipline d on d.subject_type = 'person' and d.person_id = r.person_id
    where r.subject_kind in ('member', 'leader')
      and list_contains(getvariable('discipline_forms_member'), d.form)
),

-- a civil servant's rating against the State's disciplines of the person (matched as for a member:
-- the person the ingest resolved, by card, else name and birth)
cs_hits as (
    select
        r.id,
        getvariable('cs_r2_max_level'),
        getvariable('cs_r2_max_level'),
        d.decided_on,
        'bị kỷ luật chính quyền ' || discipline_form_vi(d.state_form) || ' ngày ' || vi_date(d.decided_on),
        json_object('reason', 'state', 'form', d.state_form, 'decided_on', d.decided_on),
        [{'file': d.file_name, 'row': d.source_row}]
    from rated r
    join period_discipline d on d.subject_type = 'person' and d.person_id = r.person_id
    where r.subject_kind = 'civil_servant'
      and list_contains(getvariable('cs_r2_state_discipline_forms'), d.state_form)
),

-- an organisation's ratings against its own disciplines
org_hits as (
    select
        r.id,
        if(d.self_remedied, getvariable('r2_self_remedied_max_level'), getvariable('r2_max_level')),
        getvariable('r2_max_level'),
        d.decided_on,
        'bị kỷ luật ' || discipline_form_vi(d.form) || ' ngày ' || vi_date(d.decided_on)
            || if(d.self_remedied, ' (tự phát hiện, khắc phục)', ''),
        json_object('reason', 'organisation', 'form', d.form, 'decided_on', d.decided_on, 'self_remedied', d.self_remedied),
        [{'file': d.file_name, 'row': d.source_row}]
    from rated r
    join period_discipline d on d.subject_type = 'unit' and d.subject_unit_id = r.subject_unit_id
    where list_contains(getvariable('r2_org_subject_kinds'), r.subject_kind)
      and list_contains(getvariable('discipline_forms_org'), d.form)
      -- (its leadership collective disciplined, "Chi ủy Chi bộ thôn 1": that collective's rating, not the organisation's)
      and (d.collective is distinct from 'leadership' or r.subject_kind = 'leadership')
),

-- qd124: a member of the collective disciplined (unless self-remedied): of an organisation, a
-- Party member, for a violation in it (003 §5.12: the register's unit column); of a leadership
-- collective, one of its own members, as R10 finds them (collective_members: rated as a leader of
-- the unit in the period, or seated in its committee by the roster), not every Party member of the
-- organisation
member_disciplines as (
    select r.id as rating_id, r.subject_kind as rated_kind, d.*
    from rated r
    join period_discipline d on d.subject_type = 'person' and d.unit_id = r.subject_unit_id
    where getvariable('r2_collective_member_disciplined')
      and r.subject_kind <> 'leadership'
      and list_contains(getvariable('r2_org_subject_kinds'), r.subject_kind)
      and list_contains(getvariable('discipline_forms_member'), d.form)

    union all

    select r.id, r.subject_kind, d.*
    from rated r
    -- (the seats looked up only where the rulebook asks: a roster scan otherwise)
    join collective_members((select list(distinct d.person_id) from period_discipline d
                             where d.subject_type = 'person' and getvariable('r2_collective_member_disciplined'))) l
        on l.unit_id = r.subject_unit_id
    join period_discipline d on d.subject_type = 'person' and d.person_id = l.person_id
    where getvariable('r2_collective_member_disciplined')
      and r.subject_kind = 'leadership'
      and list_contains(getvariable('r2_org_subject_kinds'), r.subject_kind)
      and list_contains(getvariable('discipline_forms_member'), d.form)
),

member_hits as (
    select
        d.rating_id,
        if(d.self_remedied, cast(null as integer), getvariable('r2_max_level')),
        getvariable('r2_max_level'),
        d.decided_on,
        if(d.rated_kind = 'leadership', 'có thành viên ', 'có đảng viên ') || p.full_name || ' bị kỷ luật ' || discipline_form_vi(d.form) || ' ngày ' || vi_date(d.decided_on)
            || if(d.self_remedied, ' (tự phát hiện, khắc phục)', ''),
        json_object('reason', 'member', 'person', p.full_name, 'form', d.form, 'decided_on', d.decided_on,
                    'self_remedied', d.self_remedied),
        [{'file': d.file_name, 'row': d.source_row}]
    from member_disciplines d
    join persons_of((select list(d.person_id) from member_disciplines d)) p on p.id = d.person_id
),

-- qd124: more than a share of the direct sub-units disciplined (of the units with a disciplined
-- sub-unit: the others cannot be over)
sub_units as (
    with parents as (
        select distinct u.parent_code as code
        from period_discipline d
        join units_of((select list(d.subject_unit_id) from period_discipline d)) u on u.id = d.subject_unit_id
        where getvariable('r2_collective_subunit_share') is not null
    )
    -- (each side read as a semi join on the few parents: a join of the registry to itself built
    -- its 400 000 units for a few hundred)
    select parent.id as parent_id, child.id as child_id
    from (select u.id, u.code from unit u semi join parents p on p.code = u.code) parent
    join (select u.id, u.parent_code from unit u semi join parents p on p.code = u.parent_code
          where u.kind in (select unit_kind from ref_unit_kind_alias where rated = 'true')
            and coalesce(u.founded_on, getvariable('period_start')) <= getvariable('period_end')
            and coalesce(u.dissolved_on, getvariable('period_end')) >= getvariable('period_start')) child
        on child.parent_code = parent.code
),

sub_unit_counts as (
    select
        s.parent_id,
        count(distinct s.child_id) as n_sub,
        -- (a chi bộ renamed within its đảng bộ, there under both names, counts once: canon_unit_id)
        count(distinct d.canon_unit_id) as n_disciplined,
        list(distinct {'file': d.file_name, 'row': d.source_row}) filter (where d.subject_unit_id is not null) as disc_sources
    from sub_units s
    left join period_discipline d
        on d.subject_type = 'unit'
       and d.subject_unit_id = s.child_id
       and list_contains(getvariable('discipline_forms_org'), d.form)
       -- (a sub-unit's leadership collective disciplined is not the sub-unit disciplined)
       and d.collective is distinct from 'leadership'
    group by s.parent_id
),

sub_unit_hits as (
    select
        r.id,
        getvariable('r2_max_level'),
        getvariable('r2_max_level'),
        cast(null as date),
        'có ' || c.n_disciplined || '/' || c.n_sub || ' tổ chức trực thuộc bị kỷ luật = '
            || vi_pct_vs(c.n_disciplined / c.n_sub, getvariable('r2_collective_subunit_share')) || ' > ' || vi_pct(getvariable('r2_collective_subunit_share')),
        json_object('reason', 'sub_units', 'disciplined', c.n_disciplined, 'sub_units', c.n_sub,
                    'share', getvariable('r2_collective_subunit_share')),
        c.disc_sources
    from rated r
    join sub_unit_counts c on c.parent_id = r.subject_unit_id
    where list_contains(getvariable('r2_org_subject_kinds'), r.subject_kind)
      and c.n_disciplined > cast(getvariable('r2_collective_subunit_share') as decimal(18, 6)) * c.n_sub
),

hits as (
    select * from person_hits
    union all select * from cs_hits
    union all select * from org_hits
    union all select * from member_hits
    union all select * from sub_unit_hits
),

per_rating as (
    select
        h.rating_id,
        min(h.cap) as cap,
        min(h.strict_cap) as strict_cap,
        string_agg(h.hit, '; ' order by h.decided_on nulls last, h.hit) as hits,
        list(h.detail order by h.decided_on nulls last, h.hit) as details,
        flatten(list(h.srcs order by h.decided_on nulls last, h.hit)) as srcs
    from hits h
    group by h.rating_id
),

judged as (
    select
        r.*,
        h.cap,
        h.strict_cap,
        h.hits,
        h.details,
        h.srcs,
        case
            when h.cap is not null and r.final_level > h.cap then 'flagged'
            when r.final_level > h.strict_cap then 'exempted'
        end as status
    from per_rating h
    join rated r on r.id = h.rating_id
),

findings as (
    select
        j.id as rating_id,
        j.status,
        coalesce(j.subject_unit_id, j.unit_id) as unit_id,
        '{subject} ' || j.hits || ', nhưng được xếp loại ' || level_short(j.final_level)
            || if(j.status = 'flagged',
                  ' (tối đa ' || level_short(j.cap) || ')',
                  ': tự phát hiện, khắc phục nên ' || coalesce('được xếp đến ' || level_short(j.cap), 'không bị hạ mức xếp loại')) as message,
        json_object(
            'level', j.final_level,
            'max_level', j.cap,
            'max_level_without_exception', j.strict_cap,
            'disciplines', j.details
        ) as evidence,
        [] as other_ids,
        j.srcs as more_sources
    from judged j
    where j.status is not null
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'disciplined_not_incomplete' as rule, 'high' as severity, f.* from findings f
