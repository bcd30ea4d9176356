-- unit_label: each unit's name as a reader tells it apart, its parent's name after it where another
-- unit bears the same name: "Chi bộ thôn 1 (Đảng bộ xã Long Hưng)" (before the 2025 merger two
-- communes each had a "Chi bộ thôn 1"; the commune formed from both names both as predecessors).
-- Names a predecessor in R4's and R7's messages (unit_origin) and on the unit page.
create or replace view unit_label as
select
    u.code,
    if(p.name is not null and exists (select 1 from unit x where x.name_key = u.name_key and x.code <> u.code),
       u.name || ' (' || p.name || ')', u.name) as label
from unit u
left join unit p on p.code = u.parent_code;
