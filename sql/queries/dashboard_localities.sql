-- dashboard_localities: members rated in the annual period of $year and those rated "Hoàn thành
-- xuất sắc nhiệm vụ", per province and locality (huyện/xã as the registry writes it) of their
-- chi bộ. The page ranks provinces when more than one is in view, else localities.
-- Reads view_unit.
select
    coalesce(u.province_name, '(chưa rõ tỉnh)') as province,
    coalesce(u.locality, '(chưa rõ địa bàn)') as locality,
    count(*) filter (where r.final_level = 4)::integer as excellent,
    count(*)::integer as rated
from rating_current r
join view_unit u on u.id = r.unit_id
where r.period_year = $year
  and r.period_kind = 'year'
  and r.subject_kind = 'member'
  and r.final_level is not null
group by all
