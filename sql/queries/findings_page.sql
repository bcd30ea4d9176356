-- findings_page: one page of the findings in force (cur), filtered by $year, $period_kind and
-- $period_no (the round), $rule, $status (each null = any), ordered year desc, then period, rule number, unit, source file and row, subject; with the total count and
-- the first $source_limit source rows of each finding (20 on the page, all in an export; parsed for
-- the page's rows only). `ord` is a row's place
-- in that order: the caller sorts by it. R1 findings at its two groupings ('group:unit',
-- 'group:decider') are separate rows, never added up (RULES.md, Decisions).
-- Reads cur (current_findings.sql); $rule_order is the JSON list of rule ids in R-number order.
with filtered as (
    select *
    from cur
    where ($year::integer is null or year = $year)
      and ($period_kind::varchar is null or period_kind = $period_kind)
      and ($period_no::integer is null or period_no = $period_no)
      and ($rule::varchar is null or rule = $rule)
      and ($status::varchar is null or status = $status)
),

ranked as (
    select
        f.*,
        count(*) over ()::integer as total,
        row_number() over (
            order by
                f.year desc,
                f.period_kind,
                f.period_no desc,
                list_position(from_json($rule_order, '["VARCHAR"]'), f.rule),
                f.view_unit_code,
                -- a unit's findings in the order of its list (file, row), as the clerk reads it
                f.source_file,
                f.source_row,
                f.subject_ref,
                f.status,
                f.message
        )::integer as ord
    from filtered f
),

final as (
    select
        f.run_id,
        f.rule,
        f.status,
        f.rulebook,
        f.year,
        f.period_kind,
        f.period_no,
        f.view_unit_code as unit_code,
        f.view_unit_name as unit_name,
        f.deciding_unit_code,
        d.name as deciding_unit_name,
        d.kind as deciding_unit_kind,
        cast(d.dissolved_on as varchar) as deciding_unit_dissolved_on,
        f.subject_kind,
        f.subject_ref,
        f.subject_name,
        f.subject_card,
        cast(f.subject_birth_date as varchar) as subject_birth_date,
        f.subject_birth_year,
        f.severity,
        f.message,
        -- which of a rule's checks found it (R4: 'no_review', 'late_list'…): the export's request
        -- asks each kind for its own remedy
        json_extract_string(f.evidence, '$.check') as evidence_check,
        f.source_file,
        f.source_row,
        coalesce(len(f.sources), 0)::integer as source_count,
        list_slice(coalesce(f.sources, []), 1, $source_limit) as sources,
        f.total,
        f.ord
    from ranked f
    left join unit d on d.code = f.deciding_unit_code
    where f.ord > $offset
      and f.ord <= $offset + $limit
)

select * from final
