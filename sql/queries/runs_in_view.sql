-- runs_in_view: the stored audit runs a caller may see, one row per run, with the counts of its
-- findings about units in view (flagged, exempted). A run is seen when its scope is an ancestor of
-- the caller's scope ($scope_path), that scope itself, under it or in view (a predecessor of a unit
-- in scope), or when one of its findings is about a unit in view. Only counts in view: a scoped
-- caller learns nothing of other units, not even how many findings they have ($scope_path '/'
-- counts every finding, those naming no unit too). $id: one run, or null for all.
-- Reads the CTE view_unit (src/lib/server/queries/scope.ts). Used by src/lib/server/queries/runs.ts.
with run as (
    select
        r.*,
        coalesce(json_extract_string(r.rulebook_params, '$.scope_path'), su.path, '/') as run_path,
        su.name as scope_name
    from audit_run r
    left join unit su on su.code = r.scope_code
    where $id::integer is null or r.id = $id
),

counted as (
    select
        a.run_id,
        count(*) filter (where a.status = 'flagged')::integer as flagged,
        count(*) filter (where a.status = 'exempted')::integer as exempted
    from anomaly a
    where ($id::integer is null or a.run_id = $id)
      and ($scope_path = '/' or coalesce(a.unit_id, a.deciding_unit_id) in (select id from view_unit))
    group by a.run_id
),

final as (
    select
        r.*,
        coalesce(c.flagged, 0) as flagged_in_view,
        coalesce(c.exempted, 0) as exempted_in_view
    from run r
    left join counted c on c.run_id = r.id
    where starts_with($scope_path, r.run_path)
       or starts_with(r.run_path, $scope_path)
       or r.run_path in (select path from view_unit)
       or c.run_id is not null
)

select * from final
