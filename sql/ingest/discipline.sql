-- discipline: ingest of a discipline register (sổ theo dõi kỷ luật): members and organisations.
-- A violation counts where it happened (003 §5.12; RULES R2): the "Đơn vị / Nơi xảy ra vi phạm"
-- column where the register has one, else the row's unit (the member's chi bộ, the organisation).
-- Variables: file_id, context_unit_id, context_path, scope_path.

-- step: unit_refs
-- an organisation listed under "Họ và tên" ("Chi bộ thôn 2", "Đảng bộ xã A"), as many registers
-- write them among members: the organisation's discipline, as under the column below
update stg set subject_name = full_name, full_name = null
where subject_name is null and is_org_name(full_name);

-- an organisation with no unit column whose "Chức vụ, đơn vị công tác" names a đảng bộ ("Chi bộ
-- thôn 1" | "Đảng bộ xã A"): looked for in it, as beside a "Đảng bộ" column
update stg set parent = party_unit_in(coalesce(agency, position)).name
where unit_name is null and unit_code is null and parent is null and is_org_name(subject_name)
  and party_unit_in(coalesce(agency, position)).parent = ''
  and regexp_matches(party_unit_in(coalesce(agency, position)).name, '^dang (bo|uy)\s');

-- "Tổ chức đảng, đảng viên bị kỷ luật": a cell naming an organisation (or its leadership: "Chi ủy
-- Chi bộ thôn 2") is a unit subject (is_org_name); with no unit column it names the unit too.
update stg set unit_name = regexp_replace(subject_name, '^(?i)(chi ủy|chi uỷ|cấp ủy|cấp uỷ|tập thể lãnh đạo)\s+', '')
where unit_name is null and unit_code is null and is_org_name(subject_name);

-- each with the year of the decision: of units sharing a name, the one alive then
create or replace temp table unit_ref as
with s as (
    select s.unit_code, s.unit_name, s.parent, s.violation_unit, c.context_path, year(dd.d) as year,
        case when s.unit_code is null and s.unit_name is null then party_unit_in(coalesce(s.agency, s.position)) end as cell_unit
    from stg s
    join file_ctx c using (part_id)
    left join date_dict dd on dd.v = decision_cell(s.decided_on, s.discipline_form, s.state_discipline)
)
-- (parent: a "Đảng bộ" column beside the "Chi bộ" column, which the chi bộ is looked up in)
select distinct 'unit' as role, coalesce(unit_code, '') as code, coalesce(unit_name, '') as name, coalesce(parent, '') as parent, context_path, year from s
union
select distinct 'violation', violation_unit, violation_unit, '', context_path, year from s where violation_unit is not null
union
-- … and, found nowhere under the title, in all the loader may load: a violation at the member's
-- previous unit, often another commune (003 §5.12, 001 §V.5.4)
select distinct 'violation_all', violation_unit, violation_unit, '', getvariable('scope_path'), year from s where violation_unit is not null
union
-- no unit column: the party unit a "Chức vụ, đơn vị công tác" cell names (as a leaders' list's, rating.sql)
select distinct 'agency', '', cell_unit.name, cell_unit.parent, context_path, year from s where cell_unit is not null;

-- step: agency_refs
-- a register whose title names no party unit but a State agency ("UBND TỈNH … / SỞ TÀI CHÍNH": a
-- Sở's own register of its civil servants), its rows naming no unit: placed as that agency's
-- civil-servant list is (rating.sql), by the agencies its "Đơn vị công tác" and its title name
-- (agency_unit.sql, which load.ts runs next)
create or replace temp table agency_ref as
select distinct concat_ws(' / ', s.agency, c.title_agency) as agency, year(dd.d) as year
from stg s
join file_ctx c using (part_id)
left join date_dict dd on dd.v = decision_cell(s.decided_on, s.discipline_form, s.state_discipline)
where c.title_agency is not null and c.context_unit_id is null and s.unit_code is null and s.unit_name is null;

-- step: normalise
create or replace temp table norm as
with
-- forms by their leading words: "Khiển trách về Đảng", "Cảnh cáo (về Đảng)", "Cách chức Bí thư chi
-- bộ", "Khai trừ khỏi Đảng" are the forms R2 counts, not 'other'; longest alias first. Lead words
-- go first: "Kỷ luật khiển trách", "Kỷ luật bằng hình thức cảnh cáo", "Hình thức Khai trừ". The
-- State's column's too ("Khiển trách", "Cảnh cáo", "Cách chức"; its own forms below).
f as (
    select d.v, a.form, a.party = 'yes' as party_form
    from (select distinct v,
              regexp_replace(words(v), '^(bi |thi hanh |ap dung )?(ky luat )?((bang|voi|theo) )?(hinh thuc )?(ky luat )?', '') as w
          from (select discipline_form as v from stg union select state_discipline from stg)
          where v is not null) d
    left join (select distinct alnum_key(alias) as k, words(alias) as w, form, party from ref_discipline_form_alias) a
      on a.k = alnum_key(d.v) or starts_with(d.w || ' ', a.w || ' ')
    qualify row_number() over (partition by d.v order by a.k = alnum_key(d.v) desc, length(a.w) desc, a.form) = 1
),
sk as (
    select distinct alnum_key(alias) as k, subject_kind from ref_subject_kind_alias
),
-- a title above the grassroots (a district's UBKT): not the unit of a member's row that names none.
-- The title units with a grassroots organisation on their path, found by the codes of the path (a
-- path ends with its unit's code), then the prefix: joined on the prefix alone, DuckDB compared
-- every unit of a national registry with every other (3 minutes for 34 registers).
grassroots_titles as (
    select distinct x.part_id
    from (select c.part_id, cu.path, unnest(string_split(trim(cu.path, '/'), '/')) as code
          from file_ctx c join unit cu on cu.id = c.context_unit_id) x
    join unit a on a.code = x.code and starts_with(x.path, a.path)
    where a.kind in ('dang_bo_co_so', 'chi_bo_co_so')
),
above as (
    select c.part_id, g.part_id is null as ctx_above
    from file_ctx c
    left join grassroots_titles g using (part_id)
),
s as (
    select stg.*,
        coalesce(person_name(full_name), case when not is_org_name(subject_name) then person_name(subject_name) end) as c_name,
        clean(birth) as c_birth, c.*, a.ctx_above,
        case when stg.unit_code is null and stg.unit_name is null then party_unit_in(coalesce(stg.agency, stg.position)) end as cell_unit
    from stg
    join file_ctx c using (part_id)
    join above a using (part_id)
)
select
    s.part_id,
    s.file_id,
    s.rn,
    s.rk,
    case
        when sk.subject_kind in ('party_org', 'leadership') then 'unit'
        when sk.subject_kind is not null then 'person'
        when s.c_name is not null then 'person'
        else 'unit'
    end as subject_type,
    -- an organisation's row: its leadership collective when the register says so ("Chi ủy Chi bộ thôn
    -- 1", "Ban Thường vụ Đảng ủy xã A", a "Đối tượng" of "Tập thể lãnh đạo"), else the organisation
    -- (unit_refs looked the unit up without the committee's words)
    case when subject_type = 'unit' then
        if(sk.subject_kind = 'leadership'
           or regexp_matches(fold(s.subject_name), '^(tap the( lanh dao)? )?(chi uy|cap uy|ban thuong vu|btv|ban chap hanh|bch|thuong truc)\b|^tap the lanh dao\b'),
           'leadership', 'party_org')
    end as collective,
    clean(s.subject_kind) as subject_kind_raw,
    s.c_name as full_name,
    fold(s.c_name) as name_key,
    s.c_birth as birth_raw,
    case when bd.bare_year then null else bd.d end as birth_date,
    bd.y as birth_year,
    card_key(s.card_no) as card_no,
    -- (a State-only form, "Hạ bậc lương", in the Party's column is no Party form: other, which the file names)
    coalesce(if(not f.party_form, 'other', f.form), case when clean(s.discipline_form) is not null then 'other' end) as form,
    clean(s.discipline_form) as form_text,
    -- (forms ticked one column each, none read: the columns looked at, load.ts)
    s.form_marks,
    dd.d as decided_on,
    clean(s.decided_on) as decided_raw,
    -- "Tự phát hiện và khắc phục", "Đã khắc phục" say yes; "Chưa khắc phục" no
    -- a blank column (or none) with "(tự phát hiện, khắc phục)" written after the form or in the
    -- note, or the column's own words there ("Khiển trách - tự phát hiện", "Tự phát hiện: x",
    -- "Tự phát hiện: Có"): self-detected (001 §III.2.2.3), as the column's "Có"
    coalesce(parse_bool(s.self_remedied),
        -- ("Tự phát hiện, nhưng chưa khắc phục xong hậu quả": found, not remedied — no)
        case when regexp_matches(words(s.self_remedied), '^(khong|chua)\b|\b(khong|chua)(\s+\S+){0,2}\s+(tu phat hien|khac phuc)') then false
             when regexp_matches(words(s.self_remedied), 'khac phuc|tu phat hien') then true end)
        or (clean(s.self_remedied) is null
            and list_bool_or(list_transform([words(s.discipline_form), words(s.note)],
                -- (no form, no note: not self-detected, rather than unknown — a row without a form
                -- is refused for that alone, not for a remedy column the file may not have)
                lambda w: coalesce(regexp_matches(w, '(^|\s)tu phat hien(\s+(va\s+)?((da|kip thoi)\s+)?khac phuc|\s+(x|co)\b|$)'), false)))
            -- ("Không tự phát hiện", "Không phải tự phát hiện", "Chưa được khắc phục": no)
            and not regexp_matches(words(concat_ws(' ', s.discipline_form, s.note)), '\b(khong|chua)(\s+\S+){0,2}\s+(tu phat hien|khac phuc)'))
        as self_remedied,
    clean(s.self_remedied) as self_remedied_raw,
    -- "Cấp quyết định" on a register is the body that issued the decision
    coalesce(clean(s.issuing_body), clean(s.decider)) as issuing_body,
    tidy(coalesce(s.position, s.agency)) as position,
    -- the State's discipline of the same person (NĐ 335, R2 for the civil-servant rating): a form of
    -- the alias table, its own ones ("Hạ bậc lương", "Giáng chức", "Buộc thôi việc") too; none where
    -- the cell says there is none ("Không", "-", "Nhắc nhở")
    case when not regexp_matches(coalesce(words(s.state_discipline), ''), '[a-z]')
              or regexp_matches(words(s.state_discipline), '^(khong|chua)\b') or no_discipline(words(s.state_discipline)) then null
         else coalesce(fs.form, 'other')
    end as state_form,
    coalesce(clean(s.state_discipline), clean(s.mass_discipline)) as side_text,
    coalesce(clean(s.unit_code), clean(s.unit_name)) as unit_raw,
    -- the row's unit: the member's chi bộ, the organisation disciplined; no unit column: the one its
    -- "Chức vụ, đơn vị công tác" names, else the title's unless above the grassroots, else (no party
    -- unit in the title) the one the title's agency places the rows in (agency_refs)
    coalesce(u.unit_id, case when u.raw is null then coalesce(ag.unit_id, if(s.ctx_above and s.c_name is not null, null, s.context_unit_id), ta.unit_id) end) as own_unit_id,
    -- a member whose unit the row does not say, under a district's title: looked for in its subtree
    -- (identity.sql: by card, else name and birth), the unit then theirs (merge)
    case when u.raw is null and ag.unit_id is null and s.ctx_above and s.c_name is not null then s.context_unit_id end as search_unit_id,
    u.candidates as unit_candidates,
    clean(s.parent) as parent_raw,
    u.parent_id,
    u.parent_candidates,
    clean(s.violation_unit) as violation_raw,
    coalesce(v.unit_id, case when v.candidates = 0 then va.unit_id end) as violation_unit_id,
    if(v.candidates = 0, va.candidates, v.candidates) as violation_candidates,
    -- where the violation happened, which R2 counts
    coalesce(violation_unit_id, own_unit_id) as unit_id
from s
left join f on f.v = s.discipline_form
left join f fs on fs.v = s.state_discipline
left join sk on sk.k = alnum_key(s.subject_kind)
left join date_dict dd on dd.v = decision_cell(s.decided_on, s.discipline_form, s.state_discipline)
left join date_dict bd on bd.v = s.birth
left join unit_hit u on u.role = 'unit' and u.code = coalesce(s.unit_code, '') and u.name = coalesce(s.unit_name, '') and u.parent = coalesce(s.parent, '') and u.context_path = s.context_path
    and u.year is not distinct from year(dd.d)
left join unit_hit v on v.role = 'violation' and v.code = s.violation_unit and v.name = s.violation_unit and v.context_path = s.context_path
    and v.year is not distinct from year(dd.d)
left join unit_hit va on va.role = 'violation_all' and va.code = s.violation_unit and va.context_path = getvariable('scope_path')
    and va.year is not distinct from year(dd.d)
left join agency_unit ta on s.context_unit_id is null and ta.agency = concat_ws(' / ', s.agency, s.title_agency) and ta.year is not distinct from year(dd.d)
left join unit_hit ag on ag.role = 'agency' and ag.name = s.cell_unit.name and ag.parent = s.cell_unit.parent and ag.context_path = s.context_path
    and ag.year is not distinct from year(dd.d);

-- A row whose measure is no discipline ("Kiểm điểm rút kinh nghiệm", "Nhắc nhở", "Phê bình",
-- "Không kỷ luật", "Đình chỉ sinh hoạt"; "Xóa tên", a member struck off the roll for leaving Party
-- life, no form of discipline), which registers list beside the decisions, often with no
-- decision date: not stored, not checked (merge drops it), and the file says which (warnings).
alter table norm add column not_discipline boolean;
-- So is a row whose only form is a mass organisation's, or a State cell that is none ("Kỷ luật
-- đoàn thể" beside the Party's column).
update norm set not_discipline = true
where (form is null and state_form is null and side_text is not null)
   or form = 'other' and no_discipline(words(form_text));
-- A row whose only form is the State's: no Party discipline ('none', which no Party rulebook
-- counts), stored for the civil-servant rating (NĐ 335: disciplined in the year, KHTNV).
update norm set form = 'none' where form is null and state_form is not null;

-- step: errors
with n as (select * from norm where not_discipline is null),
units as (select id, name, path from unit),
errs as (
    select part_id, rn, 'full_name' as field, '' as value, 'Thiếu họ và tên người bị kỷ luật.' as message
    from n where subject_type = 'person' and full_name is null
    union all
    select part_id, rn, 'discipline_form', coalesce(form_text, ''),
        'Thiếu hình thức kỷ luật' || coalesce(': không đọc được dấu đánh (x, 1, ✓) ở ' || form_marks, '') || '.'
    from n where form is null
    union all
    select part_id, rn, 'decided_on', coalesce(decided_raw, ''), 'Thiếu hoặc sai ngày quyết định kỷ luật (năm của quyết định quyết định năm bị tính).'
    from n where decided_on is null
    union all
    select part_id, rn, 'self_remedied', self_remedied_raw, 'Giá trị "Tự phát hiện, khắc phục" phải là Có hoặc Không.' from n where self_remedied is null
    union all
    select part_id, rn, 'birth', birth_raw, 'Ngày sinh không hợp lệ.'
    from n where birth_raw is not null and (birth_year is null or birth_year < 1900 or birth_year > year(current_date))
    union all
    select n.part_id, n.rn, if(n.parent_raw is not null and n.parent_id is null, 'parent', 'unit_name'),
        if(n.parent_raw is not null and n.parent_id is null, n.parent_raw, coalesce(n.unit_raw, '')),
        case
            when n.parent_raw is not null and n.parent_id is null then unit_parent_error(n.parent_candidates)
            when n.unit_raw is null then 'Không xác định được đơn vị nơi xảy ra vi phạm: thêm cột Mã đơn vị / Đơn vị.'
            when p.name is not null then unit_in_parent_error(n.unit_candidates, p.name)
            when n.unit_candidates > 1 then 'Tên đơn vị trùng với ' || n.unit_candidates || ' đơn vị trong danh mục: dùng mã đơn vị.'
            else unit_unknown_error(n.unit_raw, 'Không có đơn vị này trong danh mục đơn vị.')
        end
    from n left join units p on p.id = n.parent_id
    where n.own_unit_id is null and n.search_unit_id is null and (n.unit_raw is not null or n.violation_raw is null)
    union all
    select part_id, rn, 'violation_unit', violation_raw,
        case when violation_candidates > 1 then 'Tên đơn vị trùng với ' || violation_candidates || ' đơn vị trong danh mục: dùng mã đơn vị.'
             else 'Không có đơn vị này trong danh mục đơn vị.' end
    from n where violation_raw is not null and violation_unit_id is null
    union all
    select n.part_id, n.rn, 'unit_name', coalesce(n.unit_raw, u.name), 'Đơn vị "' || u.name || '" nằm ngoài phạm vi quản lý của người nạp.'
    from n join units u on u.id = n.own_unit_id
    where not starts_with(u.path, getvariable('scope_path'))
    union all
    select n.part_id, n.rn, 'violation_unit', n.violation_raw, 'Đơn vị "' || u.name || '" nằm ngoài phạm vi quản lý của người nạp.'
    from n join units u on u.id = n.violation_unit_id
    where not starts_with(u.path, getvariable('scope_path'))
)
select * from errs order by part_id, rn, field;

-- step: identity_in
create or replace temp table ident_in as
select rk, file_id, rn, year(decided_on) as year, card_no, full_name, name_key, birth_date, birth_year, null::varchar as sex, coalesce(own_unit_id, unit_id) as unit_id, null::date as joined_party_on, null::date as joined_party_by,
    -- (a row placed in no unit: its post may name the commune, "Phó Trưởng ấp 3, xã A", identity.sql)
    case when coalesce(own_unit_id, unit_id) is null then position end as agency,
    search_unit_id, false as moved
from norm where subject_type = 'person' and not_discipline is null;

-- step: merge
create or replace temp table discipline_skipped as
select part_id, rn, coalesce(form_text, 'chỉ kỷ luật chính quyền, đoàn thể: ' || side_text) as form_text from norm where not_discipline;
delete from norm where not_discipline;

-- A member the row placed in no unit (search_unit_id): the unit they are rated in as a member that
-- year, else rostered in, where their violation counts for the chi bộ (R2); none for someone new.
update norm set unit_id = x.unit_id
from (
    select n.rk, coalesce(
        (select min(r.unit_id) from rating r where r.person_id = i.person_id and r.subject_kind = 'member' and r.period_year = year(n.decided_on) and r.superseded_by is null),
        (select min(m.unit_id) from membership m where m.person_id = i.person_id and m.year = year(n.decided_on) and m.superseded_by is null)) as unit_id
    from norm n
    join ident_out i on i.rk = n.rk
    where n.search_unit_id is not null and n.unit_id is null and i.how <> 'new'
) x
where norm.rk = x.rk;

-- A register that says it corrects one sent before (says_corrected: its file name "… (bản sửa).csv",
-- or a title line opening with "(Bản sửa", "Thay thế", "Điều chỉnh", "Đính chính", or ending "(BẢN SỬA)")
-- replaces the registers stored before for its unit (the one its title names, or --unit) and year
-- (its title's, or --year): every current decision of that year from a file whose decisions of
-- the year all lie under that unit, so a district's register is not replaced by a commune's; those
-- decisions are kept, marked superseded_by the register's file. A register that does not say so
-- adds to what is stored (a decision a file is common); the same decision twice (same subject,
-- date, form) is stored once.
create or replace temp table register_replaced as
with corrected as (
    select c.file_id, c.default_year as year, c.context_path
    from file_ctx c
    where c.part_id in (select distinct part_id from norm)
      and c.default_year is not null
      and c.context_unit_id is not null
      and says_corrected(c.file_name, c.title_lines)
)
select k.file_id, d.source_file_id
from corrected k
join discipline d on d.superseded_by is null and year(d.decided_on) = k.year and d.source_file_id not in (select file_id from file_ctx)
left join unit u on u.id = d.unit_id
group by k.file_id, k.context_path, d.source_file_id
having bool_and(coalesce(starts_with(u.path, k.context_path), false));

update discipline set superseded_by = r.file_id
from register_replaced r, file_ctx c
where c.file_id = r.file_id
  and discipline.source_file_id = r.source_file_id
  and discipline.superseded_by is null
  and year(discipline.decided_on) = c.default_year;

drop table register_replaced;

insert into discipline (subject_type, collective, person_id, subject_unit_id, unit_id, decided_on, form, form_text, state_form, self_remedied, issuing_body, position, source_file_id, source_row)
select n.subject_type, n.collective, i.person_id, case when n.subject_type = 'unit' then coalesce(n.own_unit_id, n.unit_id) end, n.unit_id,
    n.decided_on, n.form, n.form_text, n.state_form, n.self_remedied, n.issuing_body, n.position, n.file_id, n.rn
from norm n
left join ident_out i on i.rk = n.rk
where not exists (
    select 1 from discipline d
    where d.superseded_by is null
      and d.decided_on = n.decided_on and d.form = n.form
      and d.person_id is not distinct from i.person_id
      and d.unit_id is not distinct from n.unit_id
      and d.collective is not distinct from n.collective
)
qualify row_number() over (partition by n.decided_on, n.form, i.person_id, n.unit_id, n.subject_type, n.collective order by n.file_id, n.rn) = 1
order by n.file_id, n.rn;

-- step: warnings
-- Rows of measures that are no discipline: not stored (normalise).
select part_id,
    count(*) || ' dòng không phải quyết định kỷ luật đảng (' || first_five(list('dòng ' || rn || ': "' || form_text || '"' order by rn))
    || '): không lưu, không tính khi kiểm tra.' as message
from discipline_skipped
group by part_id

union all

-- Rows a decision stored already (same subject, date, form) holds: counted, not stored again.
select n.part_id,
    count(*) || ' dòng (dòng ' || first_five(list(n.rn::varchar order by n.rn))
    || ') trùng quyết định kỷ luật đã lưu (cùng người hoặc tổ chức, ngày quyết định, hình thức): không lưu lại. '
    || 'Sổ sửa lại thay sổ đã gửi khi tên tệp hoặc dòng tiêu đề ghi "bản sửa", "thay thế", "điều chỉnh".' as message
from norm n
anti join discipline d on d.source_file_id = n.file_id and d.source_row = n.rn
group by n.part_id

union all

-- A form no alias names is stored as 'other', which no rulebook counts (R2, R10): the file says so.
select part_id,
    count(*) || ' dòng có hình thức kỷ luật không nhận ra ở cột "Hình thức kỷ luật" ('
    || first_five(list('dòng ' || rn || ': "' || form_text || '"' order by rn))
    || '): đã lưu là hình thức khác, không tính khi kiểm tra kỷ luật (R2, R10). Hình thức được tính: khiển trách, cảnh cáo, cách chức, khai trừ, giải tán.'
    -- ("KT", "CC": two forms each, which the register must spell out)
    || if(bool_or(regexp_full_match(alnum_key(form_text), 'kt|cc')),
          ' "KT", "CC" viết tắt có hai nghĩa (khiển trách hoặc khai trừ; cảnh cáo hoặc cách chức): ghi rõ hình thức.', '') as message
from norm where form = 'other'
group by part_id

union all

-- A disciplined member the register names whom the unit's lists, loaded already, do not have (another
-- birth year, a name written otherwise): a person of their own, whose rating R2 and R10 never see.
-- The file says so. (A unit with no list yet says nothing: its lists, loaded later, find the person;
-- a row placed in no unit, whom the title's subtree did not have, is told.)
select n.part_id,
    count(*) || ' người trong sổ kỷ luật (dòng '
    || first_five(list(n.rn::varchar || ': "' || n.full_name || '"' order by n.rn))
    || ') không khớp đảng viên nào đã có trong đơn vị (họ tên, ngày sinh, số thẻ): đã lưu thành hồ sơ mới, nên việc kiểm tra xếp loại của người bị kỷ luật (R2, R10) bỏ sót họ. Kiểm tra họ tên, năm sinh, hoặc thêm số thẻ đảng viên; nạp danh sách đảng viên, xếp loại của đơn vị trước sổ kỷ luật.' as message
from (
    select n.*
    from norm n
    join ident_out o on o.rk = n.rk
    -- (a person this batch made: a row with a card or a birth date is made in an early phase of
    -- identity and found again, as 'card' or 'name', by the next phase's match)
    join person p on p.id = o.person_id and p.source_file_id in (select file_id from file_ctx)
    where n.subject_type = 'person'
      and (n.search_unit_id is not null
           or exists (select 1 from rating r where r.unit_id = n.unit_id and r.subject_kind = 'member')
           or exists (select 1 from membership m where m.unit_id = n.unit_id))
) n
group by n.part_id
order by 1, 2;

-- step: touched
select distinct year(decided_on) as year, 'year' as period_kind, 0 as period_no from norm where decided_on is not null;
