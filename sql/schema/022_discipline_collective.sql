-- discipline.collective: of an organisation's row, whom the decision disciplined: the organisation
-- ('party_org', "Chi bộ thôn 1") or its leadership collective ('leadership': its cấp ủy, ban thường
-- vụ, "Chi ủy Chi bộ thôn 1"). RULES R2: a collective disciplined is rated incomplete — the chi ủy's
-- discipline caps the chi bộ's leadership rating, not the chi bộ's own, and is no sub-unit's for
-- R10. Rows stored before: the organisation's, as they were read.
alter table discipline add column if not exists collective varchar;
update discipline set collective = 'party_org' where subject_type = 'unit' and collective is null;
create or replace view discipline_current as select * from discipline where superseded_by is null;
