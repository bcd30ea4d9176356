-- Cards stored before card_key dropped the zeros typed before eight digits ("070012370", a card
-- typed as text to keep Excel from dropping a zero): keyed as the ingest now keys them. Two records
-- that then hold one card ("070012370" on the 2022 list, "70012370" on the 2024 one) are one person,
-- as a card is: the first keeps the other's ratings, rosters and discipline, and the birth and sex
-- it lacked.
update person set card_no = card_key(card_no) where card_no is distinct from card_key(card_no);

create temp table card_merge as
select id as drop_id, min(id) over (partition by card_no) as keep_id
from person
where card_no is not null
qualify id <> keep_id;

update person p
set birth_date = coalesce(p.birth_date, d.birth_date), birth_year = coalesce(p.birth_year, d.birth_year), sex = coalesce(p.sex, d.sex)
from (select m.keep_id, max(q.birth_date) as birth_date, max(q.birth_year) as birth_year, max(q.sex) as sex
      from card_merge m join person q on q.id = m.drop_id group by m.keep_id) d
where p.id = d.keep_id;

update rating set person_id = m.keep_id from card_merge m where rating.person_id = m.drop_id;
update membership set person_id = m.keep_id from card_merge m where membership.person_id = m.drop_id;
update discipline set person_id = m.keep_id from card_merge m where discipline.person_id = m.drop_id;
delete from person where id in (select drop_id from card_merge);
drop table card_merge;
