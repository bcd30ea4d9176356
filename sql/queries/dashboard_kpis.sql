-- dashboard_kpis: the KPI cards of one year ($year): organisations of a rated kind alive in the
-- year and how many carry an annual rating, members rated in the annual period and how many
-- "Hoàn thành xuất sắc nhiệm vụ", findings in force (flagged, exempted) for all the year's periods.
-- Reads view_unit and cur (current_findings.sql).
with annual as (
    select r.*
    from rating_current r
    join view_unit u on u.id = coalesce(r.unit_id, r.subject_unit_id)
    where r.period_year = $year
      and r.period_kind = 'year'
      and r.final_level is not null
),

final as (
    select
        (select count(*)::integer
           from view_unit u
          where u.kind in ('dang_bo_co_so', 'chi_bo_co_so', 'dang_bo_bo_phan', 'chi_bo_truc_thuoc')
            and (u.founded_on is null or u.founded_on <= make_date($year, 12, 31))
            and (u.dissolved_on is null or u.dissolved_on >= make_date($year, 1, 1))) as orgs,
        (select count(distinct subject_unit_id)::integer from annual where subject_kind = 'party_org') as orgs_rated,
        (select count(distinct person_id)::integer from annual where subject_kind = 'member') as members_rated,
        (select count(*)::integer from annual where subject_kind = 'member') as member_ratings,
        (select count(*)::integer from annual where subject_kind = 'member' and final_level = 4) as members_excellent,
        (select count(*)::integer from cur where year = $year and status = 'flagged') as findings,
        (select count(*)::integer from cur where year = $year and status = 'exempted') as exempted,
        (select count(distinct unit_id)::integer from cur where year = $year and status = 'flagged') as units_with_findings
)

select * from final
