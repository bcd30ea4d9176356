-- registry: ingest of the unit registry (danh mục đơn vị) with lineage rows. Units are upserted by
-- code; paths (the scope key) are rebuilt for the whole tree afterwards.
-- Reads temp tables stg and file_ctx (file_id per part). Across the files of one batch, the last
-- row for a code wins.

-- step: normalise
-- Kinds, names, parents and dates resolved once per distinct spelling (a national registry
-- repeats a few thousand of each over 700 thousand rows), not row by row.
create or replace temp table norm as
with kd as (
    -- by the whole spelling, else by its leading words ("Chi bộ trực thuộc Đảng ủy xã", "Đảng bộ bộ
    -- phận thôn 3"), the longest alias first
    select d.v, a.unit_kind
    from (select distinct unit_kind as v from stg where unit_kind is not null) d
    left join (select distinct alnum_key(alias) as k, words(alias) as w, unit_kind from ref_unit_kind_alias) a
      on a.k = alnum_key(d.v) or starts_with(words(d.v) || ' ', a.w || ' ')
    qualify row_number() over (partition by d.v order by a.k = alnum_key(d.v) desc, length(a.w) desc, a.unit_kind) = 1
),
-- A file without a parent column may show the tree by its numbering, as Vietnamese tables do: a row
-- numbered "I", "II" (or "A", "B") is a đảng bộ, the rows numbered 1, 2… below it its units, and
-- the rows numbered 1.1, 1.2… (or a, b…) below a "1" row that unit's (I / 1 / 1.1 is Huyện ủy / Đảng
-- bộ xã / chi bộ): each row belongs to the nearest row above it of a shallower level. The "I" rows
-- belong to the unit the title names ("… TRỰC THUỘC ĐẢNG BỘ TỈNH"), when it names one. A row
-- numbered otherwise (or not at all) is of the "1" level, as before. The parent so implied is read
-- like a parent cell (a code).
implied as (
    select rk,
        case lvl
            when 1 then nullif(ctx_code, code)
            when 2 then p1.code
            -- the nearest of the shallower levels above
            when 3 then case when p2.rn > coalesce(p1.rn, -1) then p2.code else p1.code end
            else case when p3.rn > greatest(coalesce(p2.rn, -1), coalesce(p1.rn, -1)) then p3.code
                      when p2.rn > coalesce(p1.rn, -1) then p2.code else p1.code end
        end as parent
    from (
        select *,
            last_value(case when lvl = 1 then {'rn': rn, 'code': code} end ignore nulls) over w as p1,
            last_value(case when lvl = 2 then {'rn': rn, 'code': code} end ignore nulls) over w as p2,
            last_value(case when lvl = 3 then {'rn': rn, 'code': code} end ignore nulls) over w as p3
        from (
            select stg.rk, stg.part_id, stg.rn, upper(tidy(stg.unit_code)) as code, upper(u.code) as ctx_code,
                case when regexp_full_match(n, '\(?([IVXL]{1,6}|[A-Z])[.):/-]?') then 1
                     -- "1.1" level 3, "1.1.1" (deeper) 4
                     when regexp_full_match(n, '\(?\d{1,3}(\.\d{1,3}){1,3}[.):/-]?')
                         then least(2 + length(regexp_replace(regexp_replace(n, '[.):/-]$', ''), '[^.]', '', 'g')), 4)
                     -- "a", "b)": below the "1" row, as "1.1"
                     when regexp_full_match(n, '\(?[a-zđ][.):/-]?') then 3
                     else 2 end as lvl
            from (select *, coalesce(trim(stt), '') as n from stg) stg
            join file_ctx c using (part_id)
            left join unit u on u.id = c.context_unit_id
            where not contains(c.header_fields, ',parent,')
        )
        window w as (partition by part_id order by rn rows between unbounded preceding and 1 preceding)
    )
),
-- a name that carries its lineage after it, as provincial decisions list new units ("Đảng bộ xã
-- Nghĩa Hành (trên cơ sở sáp nhập xã Hành Thuận, xã Hành Trung, thị trấn Chợ Chùa)", "…, thành lập
-- trên cơ sở …", "… - sáp nhập vào …"): the name is what comes before; the rest is read as a lineage
-- cell (lin_ref, soft), its units qualified in brackets as that cell's may be ("(trên cơ sở sáp
-- nhập xã Tân An (huyện Cần Giuộc), …)"). The verb must be followed by what it names ("Trường
-- Mầm non (Hợp Nhất)": a commune's name), and the name is cut only if one of the units is found
-- (after lin_ref). A tail saying it is not done ("- sáp nhập vào thôn A (dự kiến)": lineage_done) is
-- none: the name stays whole. Per distinct name.
name_lin as (
    select v, tidy(m.name) as name, m.lin, lineage_field(m.lin) as field, lineage_bare_merge(m.lin) as bare_merge
    from (
        select v, regexp_extract(v, '^(.*?)\s*(?:\(|[,;:]\s|\s[-–]\s)\s*(' || lineage_lead(false) || '\s*[^\s()](?:[^()]|\([^()]*\))*)\s*\)?\s*$', ['name', 'lin']) as m
        from (select distinct unit_name as v from stg where unit_name is not null)
    )
    where m.lin <> '' and tidy(m.name) is not null and lineage_done(m.lin) = m.lin
),
s as (
    select stg.*, upper(tidy(unit_code)) as c_code, coalesce(nl.name, tidy(unit_name)) as c_name, c.file_id, c.header_fields,
        -- (a title naming only its year stands somewhere in it: at its end when the row is weighed
        -- against what a unit holds, at its start when stored — a "NĂM 2025" registry is not newer
        -- than one "từ ngày 01/7/2025" loaded after it, nor older)
        coalesce(try_cast(c.as_of as date), make_date(try_cast(c.as_of as integer), 12, 31)) as as_of,
        coalesce(try_cast(c.as_of as date), make_date(try_cast(c.as_of as integer), 1, 1)) as as_of_from,
        coalesce(stg.parent, im.parent) as parent_v, nl.lin as name_lineage, nl.field as name_field, nl.bare_merge as name_bare_merge,
        coalesce(stg.merged_into, stg.renamed_to, stg.formed_from, stg.split_from, stg.renamed_from, stg.prior_units) is null as no_lineage_column
    from stg
    join file_ctx c using (part_id)
    left join implied im using (rk)
    left join name_lin nl on nl.v = stg.unit_name
),
nk as (
    select v, unit_key(v) as name_key from (select distinct c_name as v from s where c_name is not null)
),
-- the lineage a note states (lineage_stated; not what it says did not happen: lineage_done), the
-- column it reads as, and whether the file is told of it until it is read (also a note written
-- without accents, "Hop nhat …"): per distinct note of the rows with no lineage column
note_lin as (
    select v, lin, lineage_field(lin) as field, lineage_bare_merge(lin) as bare_merge,
        lin is not null
          or regexp_matches(words(done), '^(da |duoc |bi )?(hop nhat|sap nhap|nhap|chia tach|tach|doi ten|hinh thanh)\b|\b(hop nhat|sap nhap|chia tach|doi ten|tach (ra )?tu|hinh thanh tu|thanh lap tu|tren co so (hop nhat|sap nhap|nhap|chia tach|tach|sap xep))\b') as told
    from (
        select v, done, lineage_stated(done) as lin
        from (select v, lineage_done(v) as done from (select distinct note as v from s where no_lineage_column and note is not null))
    )
),
codes as (
    select c_code as code from s where c_code is not null
    union
    select upper(code) from unit
),
-- a parent may be named by code or by (unique) name, in this file or the stored registry. Among
-- units of the same name (after the 2025 merger a new "Đảng bộ xã Bom Bo" succeeds the dissolved
-- one), the one alive while the row's unit is (founded before it ends, not dissolved before it
-- starts); then, for a unit not dissolved, the one not dissolved. Resolved per distinct parent
-- spelling and row dates.
pv as (
    select distinct s.parent_v as v, upper(tidy(s.parent_v)) as code_guess, fd.d_or_year as cf, dd.d as cd
    from s
    left join date_dict fd on fd.v = s.founded_on
    left join date_dict dd on dd.v = s.dissolved_on
    where tidy(s.parent_v) is not null
),
p_name as (
    select distinct v, unit_key(v) as nkey from pv anti join codes c on c.code = pv.code_guess
),
-- a unit of this file ends where it says, or the day before it is merged or renamed away
file_units as (
    select s.c_code as code, nk.name_key as nkey, s.c_name as name, kd.unit_kind as kind, fd.d_or_year as founded,
        coalesce(dd.d, case when s.merged_into is not null or s.renamed_to is not null then cast(ld.d - interval 1 day as date) end) as ended
    from s join nk on nk.v = s.c_name
    left join kd on kd.v = s.unit_kind
    left join date_dict fd on fd.v = s.founded_on
    left join date_dict dd on dd.v = s.dissolved_on
    left join date_dict ld on ld.v = s.lineage_on
),
p_known as (
    select code, nkey, founded, ended from file_units semi join p_name p on p.nkey = file_units.nkey
    union
    select upper(u.code), u.name_key, u.founded_on, u.dissolved_on from unit u semi join p_name p on p.nkey = u.name_key
),
-- a parent named by no unit's name is found as lists and lineage cells find a đảng bộ: by the
-- looser key ("ĐU xã Minh Hưng", "HU Bù Gia Mập"), else by its name without kind words ("Xã Minh
-- Hưng"), the closest key only; a chi bộ trực thuộc or tổ đảng is no one's parent by such a name.
-- Keyed only when some parent needs it (a national registry's 700 000 names).
p_loose as (
    select v, unit_loose_key(v) as lkey, unit_bare_key(v) as bkey from p_name anti join p_known k on k.nkey = p_name.nkey
),
p_known_loose as (
    select code, founded, ended, unit_loose_key(name) as lkey, unit_bare_key(name) as bkey
    from (
        select code, name, kind, founded, ended from file_units
        union
        select upper(code), name, kind, founded_on, dissolved_on from unit
    )
    where exists (select 1 from p_loose) and coalesce(kind, '') not in ('chi_bo_truc_thuoc', 'to_dang')
),
p_match as (
    select v, code, founded, ended
    from (
        select p.v, k.code, k.founded, k.ended, 1 as tier from p_name p join p_known k on k.nkey = p.nkey
        union all
        select l.v, k.code, k.founded, k.ended, case when k.lkey = l.lkey then 2 else 3 end
        from p_loose l join p_known_loose k on k.lkey = l.lkey or k.bkey = l.bkey
    )
    qualify rank() over (partition by v order by tier) = 1
),
pk as (
    select pv.v, pv.cf, pv.cd, k.code,
        (k.founded is null or pv.cd is null or k.founded <= pv.cd)
            and (k.ended is null or pv.cf is null or k.ended >= pv.cf) as alive,
        pv.cd is not null or k.ended is null as live
    from pv
    join p_match k using (v)
),
pn as (
    select v, cf, cd,
        count(distinct code) as n,
        min(code) as code,
        count(distinct code) filter (where alive) as n_alive,
        min(code) filter (where alive) as code_alive,
        count(distinct code) filter (where alive and live) as n_live,
        min(code) filter (where alive and live) as code_live
    from pk
    group by all
),
pd as (
    select pv.v, pv.cf, pv.cd,
        case when c.code is not null then pv.code_guess
             when pn.n = 1 then pn.code
             when pn.n_alive = 1 then pn.code_alive
             when pn.n_live = 1 then pn.code_live end as parent_code,
        pn.n as parent_candidates
    from pv
    left join codes c on c.code = pv.code_guess
    left join pn on pn.v = pv.v and pn.cf is not distinct from pv.cf and pn.cd is not distinct from pv.cd
),
-- "Thành ủy" / "Đảng bộ thành phố" is a city's đảng bộ: a district's, unless it is a city run by
-- the Centre ("Thành ủy Hà Nội") at the top of the file's tree, which is a province's. (The city's
-- key is computed for these few rows only: for every row of a national registry it took minutes.)
city_top as (
    select rk from (
        select s.rk, province_key(regexp_replace(words(s.c_name), '^thanh uy (thanh pho |tp )?', 'thanh pho ')) as pkey
        from s join kd on kd.v = s.unit_kind
        where kd.unit_kind = 'huyen_uy' and tidy(s.parent_v) is null
          and regexp_matches(words(s.unit_kind), '^(thanh uy|dang bo (thanh pho|tp))$')
    )
    where pkey in (select province_key(name) from ref_provinces where kind = 'Thành phố'
                   union select province_key(name_2025) from ref_provinces where kind_2025 = 'Thành phố')
)
select
    s.part_id,
    s.file_id,
    s.rn,
    s.rk,
    s.c_code as code,
    s.c_name as name,
    nk.name_key,
    -- the day the file stands at (file_ctx: its title, else the year it names; null: now)
    s.as_of,
    s.as_of_from,
    -- (a city run by the Centre: city_top)
    if(ct.rk is not null, 'tinh_uy', kd.unit_kind) as kind,
    tidy(s.unit_kind) as kind_raw,
    tidy(s.parent) as parent_raw,
    -- a file without a parent column (a list of dissolved or merged units) moves no stored unit (its
    -- numbering places new units and roots only); a blank cell under one makes a root
    contains(s.header_fields, ',parent,') as has_parent,
    pd.parent_code,
    pd.parent_candidates,
    tidy(s.province) as province_name,
    tidy(s.locality) as locality,
    fd.d_or_year as founded_on,
    tidy(s.founded_on) as founded_raw,
    -- a "Giải thể" column marked "x": the date is the effective date, else the one the note gives
    -- ("Giải thể theo Quyết định 15-QĐ/HU ngày 30/6/2025")
    -- A status saying so ("Giải thể ngày 15/02/2025", "Đã giải thể" with the date in the note): the
    -- date it or the note gives; with a Ngày hiệu lực instead, the day before it (merge step below).
    -- Without a status, a note saying so ("Giải thể ngày 30/6/2025", "Thôi hoạt động từ 01/7/2025")
    -- on a row stating no lineage (a merger's note ends its unit the day before: merge step): st.
    -- A date the text ends it "from" ("… từ ngày 01/7/2025"): the day before (last_day_alive).
    coalesce(dd.d, case when s.dissolved_on is not null and dd.d is null and parse_bool(s.dissolved_on)
                        then coalesce(ld.d, last_day_alive(s.note, nd.d)) end,
             case when st.dissolved then coalesce(last_day_alive(st.v, sd.d), case when ld.d is null then last_day_alive(s.note, nd.d) end) end) as dissolved_on,
    coalesce(st.dissolved, false) and dd.d is null and sd.d is null and ld.d is null and nd.d is null as dissolved_undated,
    s.dissolved_on is not null and dd.d is null and coalesce(parse_bool(s.dissolved_on), false) as dissolved_marked,
    tidy(s.dissolved_on) as dissolved_raw,
    tidy(s.status) as status,
    -- the status or note saying it is dissolved (warnings; merge step)
    if(st.dissolved, tidy(st.v), null) as dissolved_text,
    tidy(s.merged_into) as merged_into,
    tidy(s.split_from) as split_from,
    tidy(s.renamed_from) as renamed_from,
    tidy(s.formed_from) as formed_from,
    tidy(s.renamed_to) as renamed_to,
    -- "Đơn vị trước sắp xếp" reads as the lineage column its "Hình thức sắp xếp" says (blank: a
    -- merger, as "Hình thành từ"); a form read as none of them is refused (errors)
    tidy(s.prior_units) as prior_units,
    tidy(s.lineage_form) as lineage_form,
    case when tidy(s.prior_units) is null then null
         when words(s.lineage_form) is null or regexp_matches(words(s.lineage_form), '\b(hop nhat|sap nhap|nhap)\b') then 'formed_from'
         when regexp_matches(words(s.lineage_form), '\b(chia )?tach\b') then 'split_from'
         when regexp_matches(words(s.lineage_form), '\bdoi ten\b') then 'renamed_from' end as prior_field,
    ld.d as lineage_on,
    tidy(s.lineage_on) as lineage_raw,
    -- the lineage a name carries (name_lin), else the one a note states ("Trên cơ sở sáp nhập xã A,
    -- xã B", "Thành lập ngày 01/7/2025 trên cơ sở hợp nhất …", "Giải thể, sáp nhập vào …":
    -- lineage_stated), on a row with no lineage column: read as the column its opening words say
    -- when every unit it names is found (lin_ref, soft), never a reason to refuse the file
    case when s.no_lineage_column then coalesce(s.name_lineage, nt.lin) end as soft_lineage,
    case when not s.no_lineage_column then null
         when s.name_lineage is not null then s.name_field else nt.field end as soft_field,
    -- "(Đã) sáp nhập X" (lineage_bare_merge) on a unit the row ends (a dissolution date, a status or
    -- mark saying so): X's dates tell which way it runs (merge: lin_bare)
    coalesce(s.no_lineage_column and if(s.name_lineage is not null, s.name_bare_merge, nt.bare_merge)
             and (dd.d is not null or coalesce(st.dissolved, false) or coalesce(parse_bool(s.dissolved_on), false)), false) as soft_bare,
    if(s.name_lineage is not null, 'unit_name', 'note') as soft_col,
    -- such a name or note (note_lin), shown in the warning until it is read (merge)
    case when not s.no_lineage_column then null
         when s.name_lineage is not null then tidy(s.unit_name)
         when nt.told then tidy(s.note) end as lineage_note,
    -- the predecessor and successor of a pair the load states the other way round too (merge)
    null::varchar as lineage_reversed,
    -- such a "(Đã) sáp nhập X" whose way X's dates do not tell (merge)
    null::varchar as lineage_unclear
from s
left join kd on kd.v = s.unit_kind
left join nk on nk.v = s.c_name
left join date_dict fd on fd.v = s.founded_on
left join date_dict dd on dd.v = s.dissolved_on
left join pd on pd.v = s.parent_v and pd.cf is not distinct from fd.d_or_year and pd.cd is not distinct from dd.d
left join date_dict ld on ld.v = s.lineage_on
left join date_dict nd on nd.v = regexp_extract(s.note, '(\d{1,2}/\d{1,2}/\d{4})', 1)
left join note_lin nt on nt.v = s.note
left join (select distinct v, says_dissolved(v) as dissolved
           from (select coalesce(status, note) as v from s where coalesce(status, note) is not null)) st
  on st.v = coalesce(s.status, if(s.no_lineage_column and nt.lin is null, s.note, null))
-- (an equality only: "st.dissolved and sd.v = s.status" joined every row to every date)
left join date_dict sd on sd.v = if(st.dissolved, st.v, null)
left join city_top ct on ct.rk = s.rk;

-- The units a row's lineage cells name, from either side: "Sáp nhập vào", "Đổi tên thành" (its
-- successors), "Hình thành từ", "Chia tách từ", "Đổi tên từ" (its predecessors). A cell may list
-- several, separated by , ; a line break or "và" before a unit ("Hợp nhất từ: xã Tân An và xã Tân
-- Bình", "Sáp nhập xã A, xã B và thị trấn C": the verb before them dropped; "các xã A, B và C": each
-- a xã), each a code or a name. A name is found like other unit names (unit_key, else the looser
-- key; "xã Tân An" is its đảng bộ, "thôn 1" its chi bộ) among this file's units and the registry's,
-- the row's own unit left out: "Đảng bộ xã Bom Bo" formed from the old "Đảng bộ xã Bom Bo" is not
-- its own predecessor. A bracket after a name ("Xã Tân An (huyện Cần Đước)") names a unit above it:
-- it chooses among units of that name, and is no part of the name; one closing a list ("Hợp nhất Chi
-- bộ thôn 1 và Chi bộ thôn 2 (xã Minh Hưng cũ)") chooses for the names of the list that have none. A
-- commune written after a name without brackets ("Chi bộ thôn 5 xã Cát"), when the whole is found
-- nowhere: the name before it, among the units under that commune only. A "Tên cũ" that is the unit's
-- own stored name is a change of name only: no lineage.
create or replace temp table lin_ref as
with cells as (
    select *,
        -- "các xã Tân An, Tân Bình và Tân Hòa": the kind every name of the list has
        lower(nullif(regexp_extract(raw, '^(?i)các\s+(xã|phường|thị trấn|thôn|ấp|xóm|bản|khu phố|tổ dân phố|chi bộ|đảng bộ)\s', 1), '')) as each_kind
    from (
        -- col: the column the cell is in, for messages; soft: the lineage a name or note carries
        -- (norm), read only when every unit it names is found, never a reason to refuse the file
        select part_id, file_id, rn, code, field, col,
            regexp_replace(raw, '^(?i)((được|đã|bị)\s+)?(hình thành|thành lập|hợp nhất|sáp nhập|sắp xếp|nhập|chia tách|chia thành|tách|đổi tên|trên cơ sở)(\s+(cùng|với)\s.*?\s+vào)?((\s+|\s*:\s*)(hình thành|thành lập|hợp nhất|sáp nhập|sắp xếp|nhập|từ|vào|thành|trên cơ sở|toàn bộ|nguyên trạng|của|mới|ra từ))*\s*:?\s*', '') as raw, soft
        from (
            select part_id, file_id, rn, code, 'merged_into' as field, 'merged_into' as col, merged_into as raw, false as soft from norm where merged_into is not null
            union all
            select part_id, file_id, rn, code, 'renamed_to', 'renamed_to', renamed_to, false from norm where renamed_to is not null
            union all
            select part_id, file_id, rn, code, 'formed_from', 'formed_from', formed_from, false from norm where formed_from is not null
            union all
            select part_id, file_id, rn, code, 'split_from', 'split_from', split_from, false from norm where split_from is not null
            union all
            select part_id, file_id, rn, code, 'renamed_from', 'renamed_from', renamed_from, false from norm where renamed_from is not null
            union all
            select part_id, file_id, rn, code, prior_field, 'prior_units', prior_units, false from norm where prior_field is not null
            union all
            select part_id, file_id, rn, code, soft_field, soft_col, soft_lineage, true from norm where soft_field is not null
        )
    )
),
items as (
    -- (the keys once each: every macro a query names costs planning time on every load)
    select * exclude (placed, own_qual),
        unit_key(name) as nkey, unit_loose_key(name) as lkey,
        -- "Chi bộ thôn 5 xã Cát" read as "Chi bộ thôn 5, xã Cát": the name before the commune (tkey)
        if(placed <> name, unit_loose_key(placed), null) as tkey,
        coalesce(own_qual, if(placed <> name, unit_parent_key(placed), null), list_qual) as qual
    from (
    select *, regexp_replace(name, '^(.*\S)\s+((?i:xã|phường|thị trấn|huyện|quận)\s+[^,;()]*\S)$', '\1, \2') as placed
    from (
    select part_id, file_id, rn, code, field, col, soft, item,
        -- the name without its bracket, in a "các xã" list with its kind
        case when each_kind is not null and not regexp_matches(item, '^(?i)(các\s+)?' || each_kind || '\s')
             then each_kind || ' ' || bare else regexp_replace(bare, '^(?i)các\s+', '') end as name,
        unit_parent_key(item) as own_qual,
        -- the bracket closing the cell, for the names of its list without one
        unit_parent_key(nullif(regexp_extract(raw, '(\([^()]*\))\s*$', 1), '')) as list_qual
    from (
        select *, trim(item) as item, trim(regexp_replace(trim(item), '\s*\([^()]*\)$', '')) as bare
        from (
            select c.*, t.item
            from cells c,
            unnest(string_split_regex(
                -- "và" splits before a unit's kind or a code only ("Chi bộ Tài nguyên và Môi trường" is one
                -- unit), or anywhere in a "các xã" list
                regexp_replace(raw, case when each_kind is not null then '\s+(?i:và)\s+()'
                    else '\s+(?i:và)\s+((?i:xã|phường|thị trấn|thị xã|huyện|quận|chi bộ|đảng bộ|đảng ủy|cb|đb|thôn|ấp|xóm|bản|buôn|khu phố|tổ dân phố|khóm|tổ đảng)\s|[A-Z]{0,4}[0-9])' end,
                    ';\1', 'g'),
                '\s*[,;\n]\s*')) as t(item)
        )
        where trim(item) <> ''
    )
    )
    )
),
known as (
    select code, name_key, parent_code, null::varchar as path, false as stored, kind from norm where code is not null
    union
    select upper(code), name_key, upper(parent_code), path, true, kind from unit
),
exact as (
    select i.part_id, i.rn, i.field, i.item, k.code as cand, k.stored, 1 as tier
    from items i join known k on k.code = upper(i.name)
    union all
    select i.part_id, i.rn, i.field, i.item, k.code, k.stored, 2
    -- (the three keys as rows, joined by equality: "k.name_key in (…)" compared every pair)
    from (select *, unnest([nkey, 'dang bo ' || nkey, 'chi bo ' || nkey]) as key3 from items) i
    join known k on k.name_key = i.key3
    where upper(i.name) not in (select code from known)
),
-- the looser key only for the few names found by neither code nor name
loose as (
    select i.* from items i anti join exact e using (part_id, rn, field, item)
),
loose_found as (
    select i.part_id, i.rn, i.field, i.item, k.code, k.stored, i.tier
    -- (the whole name, else the name before the commune written after it: tkey, tier 4)
    from (select *, unnest([lkey, 'dang bo ' || lkey, 'chi bo ' || lkey, tkey, 'dang bo ' || tkey, 'chi bo ' || tkey]) as key3,
              unnest([3, 3, 3, 4, 4, 4]) as tier from loose) i
    join (select code, stored, unit_loose_key(name_key) as lkey from known
          where exists (select 1 from loose)) k
      on k.lkey = i.key3
),
-- a name written without its kind words ("Hành Phước, Hành Thịnh" beside "Đảng bộ xã Hành Phước")
-- and found by no key: by its bare name (unit_bare_key), among units of the row's own rank, whose
-- kind words were left out (a commune's predecessors are đảng bộ or chi bộ cơ sở, a hamlet's chi
-- bộ trực thuộc or đảng bộ bộ phận; never a tổ đảng)
rank_of(kind, rnk) as (
    values ('tinh_uy', 1), ('huyen_uy', 2), ('dang_bo_co_so', 3), ('chi_bo_co_so', 3), ('dang_bo_bo_phan', 4), ('chi_bo_truc_thuoc', 4)
),
bare as (
    select l.part_id, l.rn, l.field, l.item, l.lkey, r.rnk
    from loose l
    -- the row's kind, else the stored unit's
    join (select code, coalesce(max(kind) filter (where not stored), max(kind)) as kind from known
          where code in (select code from loose) group by code) o on o.code = l.code
    join rank_of r on r.kind = o.kind
    where l.lkey = unit_bare_key(l.name)
      and not exists (select 1 from loose_found f
                      where f.part_id = l.part_id and f.rn = l.rn and f.field = l.field and f.item = l.item and f.code <> l.code)
),
cands as (
    select * from exact
    union all
    select * from loose_found
    union all
    select b.part_id, b.rn, b.field, b.item, k.code, k.stored, 5
    from bare b
    join (select k.code, k.stored, unit_bare_key(k.name_key) as bkey, r.rnk
          from known k join rank_of r on r.kind = k.kind
          where exists (select 1 from bare)) k
      on k.bkey = b.lkey and k.rnk = b.rnk
),
picked as (
    select c.part_id, c.rn, c.field, c.item,
        bool_or(c.cand = i.code and c.tier = 1) as is_self_code,
        bool_or(c.cand = i.code and c.stored and c.field = 'renamed_from') as is_own_old_name,
        min(c.tier) filter (where c.cand <> i.code or c.tier = 1) as tier
    from cands c
    join items i using (part_id, rn, field, item)
    group by all
),
-- the names above the units a bracket may choose among: the parent (of this file or stored), and
-- what a stored unit or parent has above it (a unit of this file under another of this file sees
-- its parent only: paths are built after the merge)
qual_cands as (
    select distinct c.cand from cands c join items i using (part_id, rn, field, item) where i.qual is not null
),
above as (
    select q.cand, p.name_key, p.path
    from qual_cands q join known k on k.code = q.cand join known p on p.code = k.parent_code
    union
    select q.cand, a.name_key, a.path
    from qual_cands q join known k on k.code = q.cand and k.stored join unit a on starts_with(k.path, a.path) and a.path <> k.path
),
chosen as (
    select c.part_id, c.rn, c.field, c.item, c.cand,
        coalesce(bool_or(ends_with(' ' || a.name_key, ' ' || i.qual)), false) as qual_ok
    from cands c
    join picked p using (part_id, rn, field, item)
    join items i using (part_id, rn, field, item)
    left join above a on a.cand = c.cand and i.qual is not null
    where c.tier = p.tier and (c.cand <> i.code or c.tier = 1)
    group by c.part_id, c.rn, c.field, c.item, c.cand
    -- (found by the name before the commune: under that commune, or not at all)
    qualify qual_ok or (not bool_or(qual_ok) over (partition by c.part_id, c.rn, c.field, c.item) and any_value(c.tier) <> 4)
),
resolved as (
    select p.part_id, p.rn, p.field, p.item, p.is_self_code, p.is_own_old_name,
        count(distinct c.cand) as n, min(c.cand) as ref_code
    from picked p
    join chosen c using (part_id, rn, field, item)
    group by all
)
select i.*, r.ref_code, coalesce(r.n, 0) as candidates, coalesce(r.is_self_code, false) as is_self_code,
    coalesce(r.is_own_old_name, false) as is_own_old_name,
    -- every unit of the cell found once (a soft cell is read whole or not at all)
    bool_and((coalesce(r.n, 0) = 1 or coalesce(r.is_own_old_name, false)) and not coalesce(r.is_self_code, false))
        over (partition by i.part_id, i.rn, i.field) as cell_ok
from items i
left join resolved r using (part_id, rn, field, item);

-- A name whose tail (name_lin) names no unit of the registry keeps the tail: it is part of the name
-- ("Chi bộ Công ty (Hợp nhất Thương mại)"); the file is told still (warnings). lineage_note holds
-- the name as written.
update norm set name = lineage_note, name_key = unit_key(lineage_note)
where soft_col = 'unit_name' and lineage_note is not null
  and not exists (select 1 from lin_ref l where l.soft and l.candidates > 0 and l.part_id = norm.part_id and l.rn = norm.rn);

-- step: errors
with n as (select * from norm),
known as (
    select code from norm where code is not null
    union
    select upper(code) from unit
),
-- a unit already in the registry keeps its stored name and kind where the row gives none
stored as (select upper(code) as code from unit),
errs as (
    -- (a registry without the column is refused whole before: load.ts)
    select part_id, rn, 'unit_code' as field, '' as value, 'Thiếu mã đơn vị.' as message
    from n where code is null
    union all
    -- a unit's path is its codes joined by "/" (scope, ancestors, the rules' chains split it there)
    select part_id, rn, 'unit_code', code,
        'Mã đơn vị không được chứa dấu "/" (dấu này phân cách các cấp trong đường dẫn đơn vị): dùng mã khác, ví dụ thay "/" bằng "-".'
    from n where contains(code, '/')
    union all
    select part_id, rn, 'unit_name', '', 'Thiếu tên đơn vị.' from n where name is null and code not in (select code from stored)
    union all
    select part_id, rn, 'unit_kind', coalesce(kind_raw, ''),
        case when kind_raw is null then 'Thiếu loại đơn vị'
             else 'Loại đơn vị không rõ: "' || kind_raw || '"' end
        || ' (dùng Tỉnh ủy / Huyện ủy / Đảng bộ cơ sở / Chi bộ cơ sở / Đảng bộ bộ phận / Chi bộ trực thuộc).'
    from n where kind is null and (kind_raw is not null or code not in (select code from stored))
    union all
    select part_id, rn, 'parent', parent_raw,
        case when parent_candidates > 1 then 'Tên đơn vị cấp trên trùng nhiều đơn vị: dùng mã.'
             else 'Không có đơn vị cấp trên này trong danh mục.' end
    from n where parent_raw is not null and parent_code is null
    union all
    select part_id, rn, 'parent', parent_raw, 'Đơn vị không thể trực thuộc chính nó.' from n where parent_code = code
    union all
    -- a chi bộ trực thuộc, đảng bộ bộ phận or tổ đảng is always inside a unit: a new one with none
    -- would be stored as a root, out of its đảng bộ's scope
    select part_id, rn, 'unit_kind', kind_raw,
        'Chi bộ trực thuộc, đảng bộ bộ phận, tổ đảng luôn trực thuộc một đơn vị cấp trên, nhưng '
        || case when has_parent then 'ô Trực thuộc của dòng này để trống: ghi mã hoặc tên đơn vị cấp trên vào ô đó.'
                else 'tệp không có cột Trực thuộc (Mã đơn vị cấp trên) và không có dòng đánh số La Mã (I, II…) nào ghi đơn vị phía trên dòng này: thêm cột "Trực thuộc" ghi mã hoặc tên đơn vị cấp trên.' end
    from n
    where parent_code is null and parent_raw is null and code not in (select code from stored)
      and kind in (select unit_kind from ref_unit_kind_alias where always_under = 'true')
    union all
    select part_id, rn, 'founded_on', founded_raw, 'Ngày thành lập không hợp lệ.' from n where founded_raw is not null and founded_on is null
    union all
    select part_id, rn, 'dissolved_on', dissolved_raw,
        case when dissolved_marked then 'Đơn vị đánh dấu giải thể nhưng không có ngày giải thể: ghi ngày (dd/mm/yyyy) vào ô này, cột Ngày hiệu lực hoặc Ghi chú.'
             else 'Ngày giải thể không hợp lệ.' end
    from n where dissolved_raw is not null and dissolved_on is null
    union all
    select part_id, rn, 'dissolved_on', dissolved_raw, 'Ngày giải thể trước ngày thành lập.' from n where dissolved_on < founded_on
    union all
    select part_id, rn, 'lineage_on', lineage_raw, 'Ngày hiệu lực không hợp lệ.' from n where lineage_raw is not null and lineage_on is null
    union all
    select part_id, rn, 'lineage_form', coalesce(lineage_form, ''),
        'Hình thức sắp xếp không rõ: ghi Hợp nhất, Sáp nhập, Chia tách hoặc Đổi tên (cách các đơn vị ở cột Đơn vị trước sắp xếp thành đơn vị này).'
    from n where prior_units is not null and prior_field is null
    union all
    select part_id, rn, col, item,
        case
            when is_self_code then 'Đơn vị không thể kế thừa chính nó.'
            when candidates > 1 then 'Tên đơn vị trùng với ' || candidates || ' đơn vị trong danh mục: dùng mã đơn vị, hoặc ghi đơn vị cấp trên trong ngoặc ("Xã Tân An (huyện Cần Đước)").'
            else case field
                when 'merged_into' then 'Không có đơn vị kế thừa này trong danh mục.'
                when 'renamed_to' then 'Không có đơn vị tên mới này trong danh mục.'
                when 'formed_from' then 'Không có đơn vị tiền thân này trong danh mục.'
                when 'split_from' then 'Không có đơn vị bị chia tách này trong danh mục.'
                else 'Không có đơn vị tên cũ này trong danh mục.'
            end
        end
    from lin_ref where not soft and (is_self_code or (candidates <> 1 and not is_own_old_name))
    union all
    select part_id, rn, 'unit_code', code, 'Mã đơn vị trùng trong cùng danh mục (dòng ' || first_rn || ').'
    from (select part_id, rn, code, min(rn) over (partition by code) as first_rn from n where code is not null)
    where rn > first_rn
)
select * from errs order by part_id, rn, field;

-- step: merge
-- Of a code's rows in the batch, the newest registry's (one standing at no day is as of now), then
-- the last. A row older than what the unit holds (older: its registry stands before the one that
-- set the unit, or not after the unit's stored dissolution: a province loading its 2022 registry
-- after the 2025 one) says what the unit was, not what it is.
create or replace temp table norm_last as
select n.*, coalesce(n.as_of < u.registry_as_of or n.as_of <= u.dissolved_on, false) as older
from norm n
left join unit u on upper(u.code) = n.code
qualify row_number() over (partition by n.code order by coalesce(n.as_of, date '9999-12-31') desc, n.file_id desc, n.rn desc) = 1;

-- What the update below changes of a unit's parent or name is kept (unit_former): past lists name
-- the unit as it was, under the unit it was in. An older row changes neither: its own name and
-- parent are the former ones.
insert into unit_former (code, parent_code, name, name_key, changed_by)
select code, if(older, row_parent, parent_code), if(older, row_name, name), if(older, row_key, name_key), file_id
from (
    -- the parent and name the row gives the unit, as the update below reads them
    select u.code, u.parent_code, u.name, u.name_key, n.older, n.file_id,
        case when n.has_parent then n.parent_code else coalesce(u.parent_code, n.parent_code) end as row_parent,
        coalesce(n.name, u.name) as row_name, coalesce(n.name_key, u.name_key) as row_key
    from unit u
    join norm_last n on upper(u.code) = n.code
) m
where (row_parent is distinct from parent_code or row_key is distinct from name_key)
  -- (an old registry loaded again adds no second row)
  and not (older and exists (select 1 from unit_former x where x.code = m.code and x.parent_code is not distinct from m.row_parent
                                                          and x.name_key is not distinct from m.row_key));

-- Every column the row leaves empty keeps the stored value; the parent too where the file has no
-- parent column (a list of dissolved or merged units must not make their units roots), unless the
-- unit has none and the file's numbering gives one. A row whose status says the unit is active
-- ("Đang hoạt động") and gives no dissolution date ends a dissolution stored before: a registry
-- re-sent to correct one (R4 asks the unit for its lists again); not one a merger or renaming ended.
-- An older row (norm_last) only fills what is not known: a founding date, and a dissolution it
-- dates by its own day.
update unit u
set name = coalesce(if(n.older, null, n.name), u.name), name_key = coalesce(if(n.older, null, n.name_key), u.name_key),
    kind = coalesce(if(n.older, null, n.kind), u.kind),
    parent_code = case when n.older then u.parent_code when n.has_parent then n.parent_code else coalesce(u.parent_code, n.parent_code) end,
    province_name = coalesce(if(n.older, null, n.province_name), u.province_name), locality = coalesce(if(n.older, null, n.locality), u.locality),
    founded_on = if(n.older, coalesce(u.founded_on, n.founded_on), coalesce(n.founded_on, u.founded_on)),
    dissolved_on = case
        when n.older then coalesce(u.dissolved_on, if(n.dissolved_on <= n.as_of, n.dissolved_on, null))
        when n.dissolved_on is null and coalesce(regexp_matches(words(n.status), '^((dang|con) )*hoat dong\b'), false)
             -- (not a unit a merger or renaming ended: the lineage says so still)
             and n.code not in (select upper(l.from_code) from unit_lineage l where l.kind in ('merge', 'rename')) then null
        else coalesce(n.dissolved_on, u.dissolved_on) end,
    status = coalesce(if(n.older, null, n.status), u.status),
    registry_as_of = coalesce(if(n.older, null, n.as_of_from), u.registry_as_of),
    source_file_id = if(n.older, u.source_file_id, n.file_id), source_row = if(n.older, u.source_row, n.rn)
from norm_last n
where upper(u.code) = n.code;

insert into unit (code, name, name_key, kind, parent_code, province_name, locality, founded_on, dissolved_on, status, registry_as_of, source_file_id, source_row)
select n.code, n.name, n.name_key, n.kind, n.parent_code, n.province_name, n.locality, n.founded_on, n.dissolved_on, n.status, n.as_of_from, n.file_id, n.rn
from norm_last n
where n.code not in (select upper(code) from unit)
order by n.file_id, n.rn;

-- "(Đã) sáp nhập X" on a unit the row ends (soft_bare) runs the way X's dates tell: the unit merged
-- into X when X is one unit living on after it ends ("Đã sáp nhập thôn Tân Hòa" on a thôn dissolved
-- 30/06/2025: Tân Hòa founded 01/07/2025, or never dissolved); X merged into it when every X had
-- ended by then (a thôn founded in 2019 from two dissolved in 2018, itself dissolved in 2025), as
-- the words read on a live unit. Else neither is sure: not read, and the file is told (warnings).
-- A unit whose end has no date: X not dissolved lives on, X dissolved had ended.
create or replace temp table lin_bare as
select r.part_id, r.rn, r.field,
    case when count(*) = 1 and bool_and(coalesce(t.dissolved_on > u.dissolved_on, t.dissolved_on is null)) then 'merged_into'
         when bool_and(coalesce(t.dissolved_on <= u.dissolved_on, t.dissolved_on is not null)) then 'formed_from' end as way
from lin_ref r
join norm n using (part_id, rn)
join unit u on upper(u.code) = r.code
join unit t on upper(t.code) = r.ref_code
where r.soft and r.cell_ok and n.soft_bare
group by all;

update lin_ref r set field = coalesce(b.way, r.field), cell_ok = b.way is not null
from lin_bare b
where r.part_id = b.part_id and r.rn = b.rn and r.field = b.field;

update norm n set lineage_unclear = n.lineage_note, lineage_note = null
from lin_bare b
where b.way is null and n.part_id = b.part_id and n.rn = b.rn;

drop table lin_bare;

-- Lineage as the row says it, from either side. Without an effective date: the successor's
-- founding date when it was founded after its predecessor (an old commune absorbing another was
-- not founded by it), else the predecessor's dissolution.
create or replace temp table lin_new as
with l as (
    select r.file_id, r.rn, r.part_id, r.soft,
        case when r.field in ('merged_into', 'renamed_to', 'split_into') then r.code else r.ref_code end as from_code,
        case when r.field in ('merged_into', 'renamed_to', 'split_into') then r.ref_code else r.code end as to_code,
        case r.field when 'split_from' then 'split' when 'split_into' then 'split' when 'renamed_from' then 'rename' when 'renamed_to' then 'rename' else 'merge' end as kind,
        -- a unit split into others ends ("Chia tách thành A và B"); one a part was split from ("Tách
        -- từ X" on A's row alone) lives on: a partial split leaves X
        r.field = 'split_into' as split_whole,
        n.lineage_on
    from lin_ref r
    join norm n using (part_id, rn)
    where r.ref_code is not null and r.ref_code <> r.code and not r.is_own_old_name and (r.cell_ok or not r.soft)
)
select l.file_id, l.rn, l.part_id, l.soft, l.from_code, l.to_code, l.kind,
    -- (said on either side: the rows "Tách từ X" may come before X's "Chia tách thành")
    bool_or(l.split_whole) over (partition by l.from_code, l.to_code, l.kind) as split_whole,
    coalesce(l.lineage_on,
        case when t.founded_on > f.founded_on or f.founded_on is null then t.founded_on end,
        f.dissolved_on) as effective_on
from l
left join unit f on upper(f.code) = l.from_code
left join unit t on upper(t.code) = l.to_code
qualify row_number() over (partition by l.from_code, l.to_code, l.kind order by l.file_id, l.rn) = 1;

-- A registry that says it corrects one sent before (says_corrected: "… (bản sửa).csv", a title
-- "Điều chỉnh …", as a discipline register) restates its rows' lineage: a stored pair it states the
-- other way round (a code typed on the wrong row before) gives way to its own.
delete from unit_lineage u
using lin_new l, file_ctx c
where c.file_id = l.file_id and says_corrected(c.file_name, c.title_lines)
  and u.from_code = l.to_code and u.to_code = l.from_code;

-- A pair the registry or this load already states the other way round (a predecessor's "Đã sáp
-- nhập X" read as X's predecessor, a code typed on the wrong row) would be a cycle: the one stored,
-- else the one a lineage column gives, else the earlier row, is kept; the other is not stored, and
-- the file is told (warnings).
create or replace temp table lin_back as
select * from lin_new l
where exists (select 1 from unit_lineage u where u.from_code = l.to_code and u.to_code = l.from_code)
   or exists (select 1 from lin_new r where r.from_code = l.to_code and r.to_code = l.from_code
              and (r.soft < l.soft or (r.soft = l.soft and (r.file_id < l.file_id or (r.file_id = l.file_id and r.rn < l.rn)))));

update norm n set lineage_reversed = x.pairs
from (select part_id, rn, string_agg(from_code || ' → ' || to_code, ', ' order by from_code, to_code) as pairs from lin_back group by all) x
where n.part_id = x.part_id and n.rn = x.rn;

delete from lin_new l using lin_back b where b.from_code = l.from_code and b.to_code = l.to_code and b.kind = l.kind;
drop table lin_back;

insert into unit_lineage (from_code, to_code, kind, effective_on, source_file_id, source_row)
select from_code, to_code, kind, effective_on, file_id, rn
from lin_new l
where not exists (
    select 1 from unit_lineage x where x.from_code = l.from_code and x.to_code = l.to_code and x.kind = l.kind
);

-- A unit merged into another, split into others or renamed to a new code ends the day before the change takes effect
-- (dissolved 30/06, merged 01/07), unless the file or the registry gives its dissolution; so does
-- one whose status says it is dissolved or merged ("Đã giải thể", "Đã sáp nhập") with a date.
-- R4: a dissolved unit owes no list after its dissolution.
update unit u
set dissolved_on = e.ended_on
from (
    select from_code as code, cast(min(effective_on) - interval 1 day as date) as ended_on
    from lin_new where (kind in ('merge', 'rename') or split_whole) and effective_on is not null group by 1
    union all
    select code, cast(lineage_on - interval 1 day as date) from norm_last
    where lineage_on is not null and (dissolved_text is not null or regexp_matches(words(status), '^(da )?(bi )?(sap nhap|hop nhat)\b'))
) e
where upper(u.code) = e.code and u.dissolved_on is null;

-- a name's or note's lineage read: no warning (warnings)
update norm set lineage_note = null
where lineage_note is not null
  and exists (select 1 from lin_ref l where l.soft and l.cell_ok and l.part_id = norm.part_id and l.rn = norm.rn);

drop table lin_new;
drop table lin_ref;
drop table norm_last;


-- step: paths
-- The scope key: '/ROOT/…/CODE/' for every unit, from parent_code; a unit whose parent is unknown
-- is a root. Depth is capped so that a cycle in a bad registry cannot loop forever.
create or replace temp table unit_paths as
with recursive p(id, code, path, depth) as (
    select id, code, '/' || code || '/', 0
    from unit
    where parent_code is null or parent_code not in (select code from unit)
    union all
    select c.id, c.code, p.path || c.code || '/', p.depth + 1
    from unit c
    join p on c.parent_code = p.code
    where p.depth < 32
)
select * from p;

update unit u set path = p.path, depth = p.depth from unit_paths p where u.id = p.id;

-- The province code the rulebooks' per-province overrides are keyed by, from the province names and
-- the paths just built (view unit_province, schema 011: the 2025 merger's codes).
update unit u set province_code = p.province_code
from unit_province p
where u.id = p.id and u.province_code is distinct from p.province_code;

-- step: warnings
-- A province name the reference does not know gives its units their ancestor's code, or none: a
-- province's R1 share or R4 deadline may miss them. The file says so.
-- A status (or note) that says the unit is dissolved without a date anywhere: the unit stays alive (R4 still
-- asks it for lists). The file says which rows.
-- A unit of the file whose name and parent a live unit of another code the file does not list
-- bears: a unit re-sent under a new code is a second live unit (R4 asks both for lists), unless
-- the old code is ended or linked. The file says which.
select n.part_id,
    count(*) || ' đơn vị trùng tên và cấp trên với đơn vị khác mã đang hoạt động mà tệp không ghi ('
    || first_five(list('dòng ' || n.rn || ': ' || n.code || ' "' || n.name || '", trùng ' || o.code order by n.rn))
    || '): nếu là đổi mã, ghi mã cũ vào cột Đổi tên từ (hoặc ngày giải thể của mã cũ), nếu không cả hai đơn vị cùng tên đều bị yêu cầu nộp danh sách.' as message
from norm n
join unit o on o.name_key = n.name_key and upper(o.parent_code) = n.parent_code and upper(o.code) <> n.code and o.dissolved_on is null
anti join norm m on m.code = upper(o.code)
where n.dissolved_on is null
group by n.part_id
union all
select part_id,
    count(*) || ' đơn vị ghi đã giải thể (Tình trạng, Ghi chú) nhưng không có ngày giải thể ('
    || first_five(list('dòng ' || rn || ': "' || dissolved_text || '"' order by rn))
    || '): các đơn vị này vẫn được coi là đang hoạt động. Ghi ngày giải thể (dd/mm/yyyy) vào ô Tình trạng, cột Ngày giải thể hoặc Ghi chú.' as message
from norm where dissolved_undated
group by part_id
union all
select part_id,
    count(*) || ' dòng ghi việc hợp nhất, sáp nhập, chia tách hoặc đổi tên ở Ghi chú hoặc sau tên đơn vị mà không đọc được ('
    || first_five(list('dòng ' || rn || ': "' || lineage_note || '"' order by rn))
    || '): chỉ đọc được khi mỗi đơn vị nêu là mã hoặc tên của đúng một đơn vị trong danh mục; các đơn vị này không được nối với đơn vị trước hoặc sau sắp xếp (phần ghi sau tên đơn vị chỉ được bỏ khỏi tên khi ít nhất một đơn vị nêu trong đó có trong danh mục). Ghi vào cột Hình thành từ, Tách từ, Đổi tên từ hoặc Sáp nhập vào (mã hoặc tên đơn vị).' as message
from norm where lineage_note is not null
group by part_id
union all
select part_id,
    count(*) || ' dòng ghi "Sáp nhập …" không có "vào", "từ" cho đơn vị đã giải thể mà ngày giải thể của các đơn vị nêu không cho biết đơn vị nào sáp nhập vào đơn vị nào ('
    || first_five(list('dòng ' || rn || ': "' || lineage_unclear || '"' order by rn))
    || '): các quan hệ này không được lưu. Ghi "Sáp nhập vào …" hoặc "Hình thành từ …", hoặc ghi vào cột Sáp nhập vào (đơn vị kế thừa) hay Hình thành từ (đơn vị tiền thân).' as message
from norm where lineage_unclear is not null
group by part_id
union all
select part_id,
    count(*) || ' dòng ghi quan hệ trước, sau sắp xếp ngược với quan hệ đã có trong danh mục hoặc trong tệp ('
    || first_five(list('dòng ' || rn || ': ' || lineage_reversed order by rn))
    || '): các quan hệ này không được lưu. Kiểm tra đơn vị nào sáp nhập vào đơn vị nào (đơn vị đã giải thể ghi "Sáp nhập vào …", đơn vị mới ghi "Hình thành từ …"); nếu quan hệ đã có trong danh mục là sai, gửi lại danh mục là bản sửa (thêm dòng tiêu đề trên bảng, kết thúc bằng "(BẢN SỬA)"; đổi tên tệp thành "… (bản sửa)" chỉ đủ khi nội dung khác tệp đã nạp): quan hệ bản sửa ghi thay quan hệ ngược chiều đã có.' as message
from norm where lineage_reversed is not null
group by part_id
union all
select part_id,
    count(*) || ' dòng ghi tỉnh, thành phố không nhận ra ở cột "Tỉnh/Thành phố" ('
    || first_five(list('dòng ' || rn || ': "' || province_name || '"' order by rn))
    || '): tỉnh của các đơn vị này lấy theo đơn vị cấp trên (nếu có), tỷ lệ, thời hạn riêng của tỉnh có thể không áp dụng đúng. Ghi tên tỉnh, thành phố (trước hoặc sau 01/07/2025) hoặc mã tỉnh.' as message
from norm n
semi join (select v from (select distinct province_name as v from norm where province_name is not null)
           where province_key(v) not in (select pkey from province_names)) x on x.v = n.province_name
group by part_id
order by part_id;

-- step: touched
select null::integer as year, null::varchar as period_kind, null::integer as period_no where false;
