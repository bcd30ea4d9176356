-- discipline.position: the post a register gives the disciplined member ("Chức vụ, đơn vị công tác":
-- "Phó Bí thư Thường trực Đảng ủy xã A"), as written. R10 (and R2 under QĐ 124) read from it a seat
-- in a leadership collective, as from a roster's title: a register may be all that says it.
alter table discipline add column position varchar;
create or replace view discipline_current as select * from discipline where superseded_by is null;
