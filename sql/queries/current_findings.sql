-- current_findings: the findings in force, one row per finding (anomaly row) of the latest audit run
-- that covers the finding's unit, for its period and rule. A later run replaces an earlier one only
-- where it covers the same unit (its scope path is a prefix of the unit's path) and ran the same
-- rule; "what if" runs (other rulebooks, replaced parameters) never replace anything.
-- Reads the CTE view_unit (src/lib/server/queries/scope.ts): only findings about units in view.
-- Used as the body of a CTE by src/lib/server/queries/{dashboard,findings,units}.ts.
with run as (
    select
        r.id,
        r.period_year,
        r.period_kind,
        r.period_no,
        r.rules,
        coalesce(json_extract_string(r.rulebook_params, '$.scope_path'), su.path, '/') as run_path
    from audit_run r
    left join unit su on su.code = r.scope_code
    where not coalesce(json_extract(r.rulebook_params, '$.what_if')::boolean, false)
),

final as (
    select
        a.*,
        u.path as unit_path,
        u.code as view_unit_code,
        u.name as view_unit_name,
        u.locality as unit_locality,
        u.province_name as unit_province
    from anomaly a
    join run r on r.id = a.run_id
    join view_unit u on u.id = coalesce(a.unit_id, a.deciding_unit_id)
    where not exists (
        select 1
        from run n
        where n.period_year = r.period_year
          and n.period_kind = r.period_kind
          and n.period_no = r.period_no
          and n.id > r.id
          and starts_with(u.path, n.run_path)
          and list_contains(n.rules, a.rule)
    )
)

select * from final
