-- dictionaries: dates and levels are parsed once per distinct spelling, not once per row (a 2 M
-- row list has a few thousand distinct dates and a dozen level spellings). Reads temp table stg;
-- writes date_dict(v, d, y, bare_year, d_or_year, d_latest), level_dict(v, level, not_rated, bare) and
-- status_dict(v, in_note, status), and the macro unit_unknown_error. Run before every kind's normalise.

-- step: date_values
-- the distinct date cells of each file (part)
create or replace temp table date_values as
select distinct part_id, v from (
    select part_id, birth as v from stg
    union all select part_id, founded_on from stg
    union all select part_id, dissolved_on from stg
    union all select part_id, lineage_on from stg
    union all select part_id, joined_party_on from stg
    union all select part_id, joined_unit_on from stg
    union all select part_id, decided_on from stg
    union all select part_id, reviewed_on from stg
    union all select part_id, year from stg
)
where v is not null;

-- step: month_first
-- A file whose dates are written month first ("3/15/1980": a CSV saved by Excel on a computer set
-- to English (United States)): some date's middle number is a day (13–31) and no first number is
-- over 12 (two of them, or a third of its dates). Its dates are read day first (15/03/1980) and the
-- file is told (load.ts). In a file written day first, a fifth or more of the dates have a first
-- number over 12: a few dates all under 13 stay read day first, as written. (The title's decision
-- date, which load.ts wrote into decided_on, is ISO: untouched.)
create or replace temp table month_first as
select part_id, arg_min(v, second) filter (where second > 12) as example
from (
    select part_id, v, cast(n.first as integer) as first, cast(n.second as integer) as second
    from (select part_id, v, regexp_extract(v, '^\s*(\d{1,2})[/.-](\d{1,2})[/.-]\d{2,4}(\s|$)', ['first', 'second']) as n from date_values)
    where n.first <> ''
)
group by part_id
having max(first) <= 12 and max(second) between 13 and 31
   -- (two such dates at least, or a third of them: one typo, "01/15/1990" among day-first dates all
   -- under 13, is a typo, refused as an impossible date, not a reason to swap the file's dates)
   and (count(*) filter (where second > 12) >= 2 or count(*) filter (where second > 12) * 3 >= count(*));

-- step: day_first
-- the month-first files' date cells, day first
update stg set
    birth = day_first(birth), founded_on = day_first(founded_on), dissolved_on = day_first(dissolved_on),
    lineage_on = day_first(lineage_on), joined_party_on = day_first(joined_party_on),
    joined_unit_on = day_first(joined_unit_on), decided_on = day_first(decided_on), reviewed_on = day_first(reviewed_on)
where part_id in (select part_id from month_first);
update date_values set v = day_first(v) where part_id in (select part_id from month_first);

-- step: dates
create or replace temp table date_dict as
-- (statuses folded once per distinct spelling: words() on every row of a 1,2 million-row roster
-- chunk, whose status cells are all filled, took 18 s)
with dissolved_status as (
    select v from (
        select distinct status as v from stg where status is not null
        -- a registry row without a status may say it in its note ("Giải thể ngày 30/6/2025")
        union
        select distinct note from stg join file_ctx c using (part_id)
        where c.file_kind = 'registry' and status is null and note is not null
    )
    where says_dissolved(v)
),
v as (
    select distinct v from (
        select v from date_values
        -- a registry's dissolution marked "x", or written in its status ("Giải thể ngày 15/02/2025",
        -- "Đã giải thể"), takes its date from that cell or the note (registry.sql)
        union all select v from dissolved_status
        -- a register's decision date written only in its form cell (discipline.sql, form_decision), the
        -- State's where it has no Party form (a State body's own register: load.ts)
        union all select decision_cell(decided_on, discipline_form, state_discipline) from stg where decided_on is null and coalesce(discipline_form, state_discipline) is not null
        union all select regexp_extract(note, '(\d{1,2}/\d{1,2}/\d{4})', 1) from stg
            where note is not null and (dissolved_on is not null or status in (select v from dissolved_status) or note in (select v from dissolved_status))
    )
    where v is not null
)
select *,
    -- admission and founding dates may be a bare year (README: "chỉ năm"): stored as 1 January of
    -- that year, with d_latest the last day it can be (31/12; a month alone, "03/2015": its last
    -- day), which an admission keeps beside it (joined_party_by, schema 010)
    coalesce(d, case when bare_year then make_date(y, 1, 1) end) as d_or_year,
    case when bare_year then make_date(y, 12, 31) when month_only then last_day(d) else d end as d_latest
from (
    -- parse_year(v), from the date parsed once: each parse_date a query names expands its macros
    -- into some two hundred regular expressions, which cost planning time on every load
    select v, d, case when bare_year then cast(regexp_extract(clean(v), '\d{4}$') as integer) else year(d) end as y, bare_year, month_only
    from (
        select
            v,
            parse_date(v) as d,
            -- "Năm 2024" is the bare year it names; so is a birth cell's "Sinh năm 1988", "SN 1988",
            -- "Năm sinh: 1975" (registers write the year so)
            regexp_full_match(clean(v), '(?i)(((sinh\s*)?năm(\s*sinh)?|sn)\s*[:.]?\s*)?(19|20)\d{2}') as bare_year,
            -- parse_date's "month and year only" shape
            regexp_full_match(date_text(v), '\d{1,2}[/.-]\d{4}') as month_only
        from v
    )
);

-- step: levels
create or replace temp table level_dict as
with v as (
    select distinct v from (
        select self_level as v from stg
        union all select proposed_level from stg
        union all select final_level from stg
        union all select cs_level from stg
    )
    where v is not null
),
alias as (
    select distinct level_key(alias) as k, cast(level as tinyint) as level from ref_level_alias
    where level_key(alias) <> ''
),
-- a level followed by its own abbreviation or a footnote mark ("Hoàn thành tốt nhiệm vụ (HTTNV)",
-- "HTT (1)", "HTT*"): the level before it, when what the brackets hold is no other level
bare as (
    select v, regexp_extract(v, '^(.*?)\s*(\(([^()]*)\)|\*+)\s*$', 1) as head, regexp_extract(v, '\(([^()]*)\)\s*$', 1) as inner
    from v
    where regexp_matches(v, '(\)|\*)\s*$')
),
bare_level as (
    select b.v, h.level
    from bare b
    join alias h on h.k = level_key(b.head)
    left join alias i on i.k = level_key(b.inner)
    where i.level is null or i.level = h.level
)
select v.v, coalesce(a.level, b.level) as level,
    -- "Không xếp loại", "Chưa xếp loại", "Không đánh giá", "-", "—": written where a subject is not
    -- rated (new member, exempt…), the same as an empty cell; so are the reasons written in its
    -- place ("Miễn đánh giá", "Miễn sinh hoạt", "Dự bị chưa đủ 6 tháng", "Mới kết nạp"), kept as
    -- the reason
    coalesce(a.level, b.level) is null
        and (v.bare
             or regexp_matches(words(v.v), '^(khong|chua) (duoc )?(xep loai|danh gia|xl)( |$)')
             or coalesce(not_rated_why(v.v), false)) as not_rated,
    -- … a bare one ("Không xếp loại", "-"; "Miễn" alone, not saying from what) says there is no
    -- level, not why: a note may (rating.sql)
    coalesce(a.level, b.level) is null and v.bare as bare
from (select v, coalesce(alnum_key(v) is null or regexp_full_match(words(v), '(khong|chua) (duoc )?(xep loai|danh gia|xl)|mien'), false) as bare from v) v
left join alias a on a.k = level_key(v.v)
left join bare_level b on b.v = v.v;

-- step: statuses
-- Member statuses (membership.status), from a status cell or a note (Ghi chú; read by roster.sql and
-- rating.sql), as functions.sql's member_statuses reads them.
create or replace temp table status_dict as
select v, false as in_note, status from member_statuses((select list(distinct status) from stg where status is not null), false)
union all
select v, true, status from member_statuses((select list(distinct note) from stg where note is not null), true);

-- step: unit_unknown
-- unit_unknown_error: why a unit a row names was found nowhere: outside the loader's scope when the
-- registry has one unit of that name or code there (names are looked up inside the scope only: the
-- loader was told the registry lacks it); several there: `otherwise`, saying how many; else `otherwise`. (Here, not in functions.sql: it reads
-- the unit table, which functions.sql comes before.)
create or replace temp macro unit_unknown_error(raw, otherwise) as
    case when getvariable('scope_path') = '/' then otherwise
         else (select case count(*) when 0 then otherwise
                                    when 1 then 'Đơn vị "' || clean(raw) || '" nằm ngoài phạm vi quản lý của người nạp.'
                                    -- ("Chi bộ thôn 7" of a hundred communes: it may just be missing here)
                                    else otherwise || ' (' || count(*) || ' đơn vị cùng tên ở ngoài phạm vi quản lý của người nạp.)' end
               from unit u
               where (u.name_key = unit_key(raw) or upper(u.code) = upper(clean(raw)))
                 and not starts_with(u.path, getvariable('scope_path'))) end;
