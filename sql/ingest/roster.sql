-- roster: ingest of a member roster (danh sách đảng viên) for a year: who holds membership in which
-- chi bộ, on what terms. Steps run by src/lib/server/ingest/load.ts in one transaction.
-- Variables: file_id, default_year, context_unit_id, context_path, scope_path.

-- step: unit_refs
-- each with the row's year: of units sharing a name, the one alive then (parent: a "Đảng bộ"
-- column beside the "Chi bộ" column, which the chi bộ is looked up in)
create or replace temp table unit_ref as
select distinct 'unit' as role, coalesce(s.unit_code, '') as code, coalesce(s.unit_name, '') as name, coalesce(s.parent, '') as parent,
    c.context_path, coalesce(yd.y, c.default_year) as year
from stg s join file_ctx c using (part_id)
left join date_dict yd on yd.v = s.year;

-- step: normalise
-- Dates, statuses (status_dict), sexes and years through dictionaries of their distinct spellings (a roster of a
-- whole province repeats a few thousand of them), not parsed row by row.
create or replace temp table norm as
with small as (
    select v,
        case
            when list_contains(['nam', 'male', 'm'], alnum_key(v)) then 'nam'
            when list_contains(['nu', 'female', 'f'], alnum_key(v)) then 'nu'
        end as sex,
        parse_bool(v) as bool
    from (select distinct sex as v from stg union select distinct is_head from stg)
    where v is not null
),
-- titles: a few distinct spellings, read once each
titles as (
    select v, head_by_scope(head_title_scopes(v), 'member', null) as head
    from (select distinct position as v from stg where position is not null)
),
s as (
    select stg.*, person_name(full_name) as c_name, c.*
    from stg
    join file_ctx c using (part_id)
)
select
    s.part_id,
    s.file_id,
    s.rn,
    s.rk,
    s.c_name as full_name,
    fold(s.c_name) as name_key,
    s.birth as birth_raw,
    case when bd.bare_year then null else bd.d end as birth_date,
    bd.y as birth_year,
    card_key(s.card_no) as card_no,
    s.card_no as card_raw,
    sx.sex,
    tidy(s.position) as position,
    case
        when s.is_head is not null then hd.bool
        when s.position is null then false
        else ht.head
    end as is_head,
    -- a roster with no status column may state one in its notes ("Miễn sinh hoạt"; status_dict); a
    -- note that the member left during the year ("Từ trần ngày 10/8/2024", "Chuyển đi …") is read
    -- whatever the column says: it told their status before they left. Without a status column the
    -- cell holds at most a section row's "ĐẢNG VIÊN CHÍNH THỨC / DỰ BỊ" (stage.ts): only a default,
    -- which a note's exemption, suspension or temporary activity overrides (its own official /
    -- probationary does not: the section says which). So does such a note over a status column that
    -- states only the membership kind: member software writes "Đảng viên chính thức" for everyone
    -- and the real status in Ghi chú ("Miễn sinh hoạt đảng từ tháng 01/2024"); a column stating
    -- another status itself ("Đình chỉ sinh hoạt") stands
    coalesce(sl.status,
             case when sn.status not in ('official', 'probationary')
                       and (not contains(s.header_fields, ',status,') or tidy(s.status) is null
                            or st.status in ('official', 'probationary') or alnum_key(s.status) in ('dangvien', 'dv'))
                  then sn.status end,
             st.status,
             case when tidy(s.status) is null then coalesce(sn.status, 'official') end) as status,
    s.status as status_raw,
    s.note as note_raw,
    coalesce(yr.y, s.default_year) as year,
    s.year as year_raw,
    jp.d_or_year as joined_party_on,
    jp.d_latest as joined_party_by,
    s.joined_party_on as joined_party_raw,
    -- (a bare year, "2024", as an admission: 1 January of it — README "chỉ năm")
    ju.d_or_year as joined_unit_on,
    s.joined_unit_on as joined_unit_raw,
    coalesce(tidy(s.unit_code), tidy(s.unit_name)) as unit_raw,
    coalesce(u.unit_id, case when u.raw is null then s.context_unit_id end) as unit_id,
    u.candidates as unit_candidates,
    u.name_conflict_id,
    s.unit_name as unit_name_raw,
    s.parent as parent_raw,
    u.parent_id,
    u.parent_candidates
from s
left join status_dict st on st.v = s.status and not st.in_note
left join status_dict sn on sn.v = s.note and sn.in_note
left join status_dict sl on sl.v = s.note and sl.in_note and sl.status = 'left'
left join small sx on sx.v = s.sex
left join date_dict yr on yr.v = s.year
left join small hd on hd.v = s.is_head
left join titles ht on ht.v = s.position
left join date_dict bd on bd.v = s.birth
left join date_dict jp on jp.v = s.joined_party_on
left join date_dict ju on ju.v = s.joined_unit_on
left join unit_hit u on u.role = 'unit' and u.code = coalesce(s.unit_code, '') and u.name = coalesce(s.unit_name, '') and u.parent = coalesce(s.parent, '')
    and u.context_path = s.context_path and u.year is not distinct from coalesce(yr.y, s.default_year);

-- step: errors
with n as (select * from norm),
units as (select id, code, name, path from unit),
errs as (
    select part_id, rn, 'full_name' as field, '' as value, 'Thiếu họ và tên.' as message from n where full_name is null
    union all
    select part_id, rn, 'birth', birth_raw, 'Ngày sinh không hợp lệ (dùng dd/mm/yyyy hoặc năm sinh).'
    from n where clean(birth_raw) is not null and (birth_year is null or birth_year < 1900 or birth_year > year(current_date))
    union all
    select part_id, rn, 'status', status_raw, 'Tình trạng đảng viên không rõ: Chính thức / Dự bị / Sinh hoạt tạm thời / Miễn sinh hoạt / Đình chỉ sinh hoạt / Từ trần, Khai trừ, Chuyển đi.'
    from n where status is null
    union all
    select part_id, rn, 'joined_party_on', joined_party_raw, 'Ngày vào Đảng không hợp lệ.' from n where clean(joined_party_raw) is not null and joined_party_on is null
    union all
    select part_id, rn, 'joined_unit_on', joined_unit_raw, 'Ngày chuyển đến không hợp lệ.' from n where clean(joined_unit_raw) is not null and joined_unit_on is null
    union all
    select part_id, rn, 'year', coalesce(year_raw, ''), 'Không xác định được năm của danh sách: thêm cột Năm, ghi năm ở tiêu đề hoặc dùng --year.'
    from n where year is null
    union all
    select n.part_id, n.rn, if(n.parent_raw is not null and n.parent_id is null, 'parent', 'unit_name'),
        if(n.parent_raw is not null and n.parent_id is null, n.parent_raw, coalesce(n.unit_raw, '')),
        case
            when n.parent_raw is not null and n.parent_id is null then unit_parent_error(n.parent_candidates)
            when n.unit_raw is null then 'Không xác định được chi bộ: thêm cột Mã đơn vị / Chi bộ, ghi ở tiêu đề hoặc dùng --unit.'
            when p.name is not null then unit_in_parent_error(n.unit_candidates, p.name)
            when n.unit_candidates > 1 then 'Tên đơn vị trùng với ' || n.unit_candidates || ' đơn vị trong danh mục: dùng mã đơn vị.'
            else unit_unknown_error(n.unit_raw, 'Không có đơn vị này trong danh mục đơn vị.')
        end
    from n left join units p on p.id = n.parent_id
    where n.unit_id is null
    union all
    select n.part_id, n.rn, 'unit_code', coalesce(n.unit_raw, ''), unit_name_conflict(cu.code, cu.name, n.unit_name_raw, ou.code)
    from n join units cu on cu.id = n.unit_id join units ou on ou.id = n.name_conflict_id
    union all
    select n.part_id, n.rn, 'unit_name', coalesce(n.unit_raw, u.name), 'Đơn vị "' || u.name || '" nằm ngoài phạm vi quản lý của người nạp.'
    from n join units u on u.id = n.unit_id
    where not starts_with(u.path, getvariable('scope_path'))
    union all
    -- a Party member belongs to a chi bộ: rows that fall to a đảng bộ (a title naming only the đảng
    -- bộ, no Chi bộ column) would be stored nowhere in particular
    select n.part_id, n.rn, 'unit_name', coalesce(n.unit_raw, ''),
        case when n.unit_raw is null and (contains(c.header_fields, ',unit_name,') or contains(c.header_fields, ',unit_code,'))
             then 'Ô chi bộ để trống (ô gộp của Excel để trống khi lưu CSV?): đảng viên phải thuộc một chi bộ, ghi chi bộ cho từng dòng.'
             else 'Đảng viên phải thuộc một chi bộ, "' || u.name || '" là đảng bộ: thêm cột Chi bộ hoặc ghi chi bộ ở tiêu đề.'
        end
    from n
    join (select id, name from unit where kind in ('dang_bo_co_so', 'dang_bo_bo_phan', 'huyen_uy', 'tinh_uy')) u on u.id = n.unit_id
    join file_ctx c on c.part_id = n.part_id
    union all
    select part_id, rn, case when card_no is not null then 'card_no' else 'full_name' end, case when card_no is not null then card_raw else full_name end,
        dup_person_message(first_rn, card_no)
    -- (the birth as read, not as typed: "05/03/1970" and "5.3.1970" are one date)
    from (
        select part_id, rn, card_no, card_raw, full_name,
            min(rn) over (partition by part_id, year, coalesce(card_no, name_exact(full_name) || '|' || coalesce(strftime(birth_date, '%Y-%m-%d'), birth_year::varchar, clean(birth_raw), '') || '|' || coalesce(unit_id, -1))) as first_rn
        from n where full_name is not null
    ) where rn > first_rn
)
select * from errs order by part_id, rn, field;

-- step: identity_in
-- moved: the row states a move between chi bộ in the year — left this one by a transfer ("Chuyển
-- đi", "Chuyển sinh hoạt …"; not "Từ trần", "Khai trừ"), or came in that year ("Ngày chuyển đến",
-- other than the admission: a new member's first chi bộ is no move): its person may be the one
-- another chi bộ's row of the batch names
create or replace temp table ident_in as
select rk, file_id, rn, year, card_no, full_name, name_key, birth_date, birth_year, sex, unit_id, joined_party_on, joined_party_by, null::varchar as agency, null::integer as search_unit_id,
    coalesce((status = 'left' and regexp_matches(fold(concat_ws(' ', status_raw, note_raw)), '\bchuyen\b'))
             or (year(joined_unit_on) = year and joined_unit_on is distinct from joined_party_on), false) as moved
from norm;

-- step: merge
insert into membership (person_id, unit_id, year, status, joined_party_on, joined_party_by, joined_unit_on, is_head, position, source_file_id, source_row)
select i.person_id, n.unit_id, n.year, n.status, n.joined_party_on, n.joined_party_by, n.joined_unit_on, n.is_head, n.position, n.file_id, n.rn
from norm n
join ident_out i on i.rk = n.rk
order by n.file_id, n.rn;

-- step: supersede
-- A later roster of the same chi bộ and year replaces the earlier one (kept, marked): the one of the
-- latest load; of one load's (files named in any order: "… (bản sửa).csv" sorts first), the one whose
-- file name or title says it corrects (says_corrected, as a rating list's: "… (BẢN SỬA)"), then the
-- one loaded last.
update membership m
set superseded_by = k.latest
from (
    select x.unit_id, x.year, arg_max(x.source_file_id, [epoch(f.loaded_at), coalesce(t.corrects, corrects(f.file_name))::int, x.source_file_id]) as latest
    from (
        select distinct unit_id, year, source_file_id
        from membership c
        where c.superseded_by is null
          and exists (select 1 from norm n where n.unit_id = c.unit_id and n.year = c.year)
    ) x
    join source_file f on f.id = x.source_file_id
    left join (select file_id, bool_or(says_corrected(file_name, title_lines)) as corrects from file_ctx group by file_id) t
        on t.file_id = x.source_file_id
    group by x.unit_id, x.year
) k
where m.superseded_by is null
  and m.source_file_id <> k.latest
  and m.unit_id = k.unit_id
  and m.year = k.year;

-- step: touched
select distinct year, 'year' as period_kind, 0 as period_no from norm where year is not null;
