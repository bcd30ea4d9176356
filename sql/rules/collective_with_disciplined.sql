-- collective_with_disciplined (R10): an organisation or leadership collective rated "Hoàn thành
-- xuất sắc nhiệm vụ" while one of its direct sub-organisations, or a member of its leadership
-- collective, was disciplined in the period. A self-remedied discipline counts too: the condition
-- is "no discipline".
-- Members of the leadership collective of a unit: those rated as leaders there in the period, and
-- the roster's heads and committee seats (collective_members, shared/macros.sql). Only under a rulebook with r10_enabled (QĐ 366).
-- Returns one row per excellent rating of a collective with such a discipline.
-- Grain: one row per finding. Levels: 4 excellent.
-- Parameters: r10_enabled, discipline_forms_member, discipline_forms_org.
-- Sources: Quy định 366-QĐ/TW (RULES.md R10); not in the seeds, which predate it.
with
excellent as (
    select r.id, r.subject_kind, r.subject_unit_id, r.final_level
    from period_rating r
    where getvariable('r10_enabled')
      and r.subject_kind in ('party_org', 'leadership')
      and r.final_level = 4
),

-- the disciplines that count, from which the search starts (they are few)
org_disciplines as (
    select d.*
    from period_discipline d
    where d.subject_type = 'unit'
      and list_contains(getvariable('discipline_forms_org'), d.form)
      -- (a sub-unit's leadership collective disciplined, "Chi ủy Chi bộ thôn 1", is not the sub-unit)
      and d.collective is distinct from 'leadership'
),

person_disciplines as (
    select d.*
    from period_discipline d
    where d.subject_type = 'person'
      and list_contains(getvariable('discipline_forms_member'), d.form)
),

-- a disciplined organisation, beside the organisation directly above it (the parents found from
-- the few disciplined: joined the other way, the registry was hashed in every run)
disciplined_units as (
    select d.*, c.code, c.name, c.parent_code
    from org_disciplines d
    join units_of((select list(d.subject_unit_id) from org_disciplines d)) c on c.id = d.subject_unit_id
),

disciplined_sub_units as (
    select d.*, parent.id as parent_id
    from disciplined_units d
    join (select u.id, u.code from unit u semi join disciplined_units d on d.parent_code = u.code) parent
        on parent.code = d.parent_code
),

sub_unit_hits as (
    select
        e.id as rating_id,
        d.decided_on,
        'tổ chức trực thuộc ' || d.name || ' bị kỷ luật ' || discipline_form_vi(d.form) || ' ngày ' || vi_date(d.decided_on)
            || if(d.self_remedied, ' (đã tự phát hiện, khắc phục)', '') as hit,
        json_object('reason', 'sub_unit', 'unit', d.code, 'form', d.form, 'decided_on', d.decided_on,
                    'self_remedied', d.self_remedied) as detail,
        {'file': d.file_name, 'row': d.source_row} as src
    from disciplined_sub_units d
    join excellent e on e.subject_unit_id = d.parent_id
    -- (a chi bộ renamed within the đảng bộ is a sub-unit under both names: one hit, the new name's)
    qualify row_number() over (partition by e.id, d.file_name, d.source_row order by d.renamed_copy desc) = 1
),

-- disciplined people in a leadership collective (collective_members, shared/macros.sql)
disciplined_leaders as (
    select l.person_id, l.unit_id
    from collective_members((select list(distinct d.person_id) from person_disciplines d where getvariable('r10_enabled'))) l
),

-- … of a collective rated excellent
leader_disciplines as (
    select e.id as rating_id, d.*
    from excellent e
    join disciplined_leaders l on l.unit_id = e.subject_unit_id
    join person_disciplines d on d.person_id = l.person_id
),

member_hits as (
    select
        d.rating_id,
        d.decided_on,
        'thành viên tập thể lãnh đạo ' || p.full_name || ' bị kỷ luật ' || discipline_form_vi(d.form) || ' ngày '
            || vi_date(d.decided_on) || if(d.self_remedied, ' (đã tự phát hiện, khắc phục)', ''),
        json_object('reason', 'leadership_member', 'person', p.full_name, 'form', d.form, 'decided_on', d.decided_on,
                    'self_remedied', d.self_remedied),
        {'file': d.file_name, 'row': d.source_row}
    from leader_disciplines d
    join persons_of((select list(d.person_id) from leader_disciplines d)) p on p.id = d.person_id
),

hits as (
    select * from sub_unit_hits
    union all
    select * from member_hits
),

per_rating as (
    select
        h.rating_id,
        string_agg(h.hit, '; ' order by h.decided_on, h.hit) as hits,
        list(h.detail order by h.decided_on, h.hit) as details,
        list(h.src order by h.decided_on, h.hit) as srcs
    from hits h
    group by h.rating_id
),

findings as (
    select
        e.id as rating_id,
        'flagged' as status,
        e.subject_unit_id as unit_id,
        '{subject} được xếp loại HTXSNV nhưng có ' || h.hits as message,
        json_object('level', e.final_level, 'disciplines', h.details) as evidence,
        [] as other_ids,
        h.srcs as more_sources
    from per_rating h
    join excellent e on e.id = h.rating_id
)

-- rows of rating_finding (shared/macros.sql): the runner adds the subject, unit and sources
select 'collective_with_disciplined' as rule, 'high' as severity, f.* from findings f
