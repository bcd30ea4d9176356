-- current_signals: the statistical signals in force for $year, one row per signal about a unit in
-- view: those of the latest run of the yearly round that computed signals (with_signals) and covers
-- the unit (its scope path a prefix of the unit's), "what if" runs aside. With the unit's parent, for
-- the many chi bộ that share a name ("Chi bộ Thôn 2").
-- Reads the CTE view_unit (src/lib/server/queries/scope.ts). Used by src/lib/server/queries/dashboard.ts.
with run as (
    select
        r.id,
        coalesce(json_extract_string(r.rulebook_params, '$.scope_path'), su.path, '/') as run_path
    from audit_run r
    left join unit su on su.code = r.scope_code
    where r.period_year = $year
      and r.period_kind = 'year'
      and r.with_signals
      and not coalesce(json_extract(r.rulebook_params, '$.what_if')::boolean, false)
),

final as (
    select
        s.signal,
        s.year,
        u.code as unit_code,
        u.name as unit_name,
        p.name as parent_name,
        s.score,
        s.message
    from signal s
    join run r on r.id = s.run_id
    join view_unit u on u.id = s.unit_id
    left join unit p on p.code = u.parent_code
    where not exists (
        select 1
        from run n
        where n.id > r.id
          and starts_with(u.path, n.run_path)
    )
)

select * from final
