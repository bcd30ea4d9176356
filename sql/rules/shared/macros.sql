-- Macros the rules share, made by runner.ts on the run's connection (temp macros) after the
-- period's inputs (period_rating…), which they read.

-- subject_label: who a finding is about, as the messages open: "Đảng viên Nguyễn Văn A (Chi bộ 1)",
-- "Tập thể lãnh đạo, quản lý Đảng bộ xã B", the organisation's own name for party_org.
create or replace temp macro subject_label(subject_kind, person_name, unit_name, org_name) as
    case subject_kind
        when 'party_org' then org_name
        when 'leadership' then 'Tập thể lãnh đạo, quản lý ' || org_name
        when 'leader' then 'Cán bộ lãnh đạo, quản lý ' || person_name || ' (' || unit_name || ')'
        when 'civil_servant' then 'Cán bộ, công chức, viên chức ' || person_name || ' (' || unit_name || ')'
        else 'Đảng viên ' || person_name || ' (' || unit_name || ')'
    end;

-- in_scope(path): a unit's path is in the run's scope (scope_path, '/' for the whole country).
-- The whole country is said outright: only whether the unit has a path is read (a unit the registry
-- could not place has none), where a prefix test decodes all 700 000 paths in every scan of the
-- unit table.
create or replace temp macro in_scope(path) as
    (getvariable('scope_path') = '/' and path is not null) or starts_with(path, getvariable('scope_path'));

-- share_millionths(share): a share in millionths, an integer (exact for a share of up to 6
-- decimals: a rulebook's are); floor_share(share, n): floor(share × n) with it. In integers: the
-- same in decimal arithmetic costs ~20 times more per row (R1's allowance, R5's comparisons).
create or replace temp macro share_millionths(share) as
    cast(cast(share as decimal(18, 6)) * 1000000 as bigint);

create or replace temp macro floor_share(share, n) as
    (share_millionths(share) * n) // 1000000;

-- earliest_deadline(): the earliest deadline of the period's year at any level, in any province,
-- Party or civil-servant (R4's r4_deadlines, cs_r4_deadlines, month-day): a list decided on or
-- before it is late nowhere. Null where neither rulebook sets one. Made of session variables only:
-- a constant the scans filter by.
create or replace temp macro earliest_deadline() as
    list_min(list_transform(list_concat(getvariable('r4_deadlines'), getvariable('cs_r4_deadlines')),
                            lambda d: cast(strptime(getvariable('period_year') || '-' || d.md, '%Y-%m-%d') as date)));

-- merged_province(province): in a period that ends after the 2025 merger (01/07/2025, 63 → 34
-- provinces), the code of the province `province` (a unit's province_code) became part of, where it
-- changed; null otherwise. A per-province override of a round after the merger (R1's share, R4's
-- deadlines: "some used 25% in 2025", RULES.md Decisions) is keyed by the provinces of that round,
-- and reaches the units still registered under the provinces merged into it; a key of the unit's
-- own code still comes first.
create or replace temp macro merged_province(province) as (
    select p.code_2025
    from ref_provinces p
    where p.code = province
      and p.code_2025 <> p.code
      and getvariable('period_end') >= date '2025-07-01'
);

-- unit_ancestry(codes): for each unit code of the list, the oldest of its predecessors through
-- unit_lineage (merges, splits, renames, followed back recursively; the unit itself counts):
-- founded_on (the earliest founding date of the chain), oldest_code, oldest_name (of predecessors
-- founded the same day, the first by code: the same answer every run). A predecessor of unknown
-- founding date: founded_on null (age unknown, so not new), oldest_* that predecessor. From unit_origin, which
-- the runner keeps up to date with the registry (shared/unit_origin.sql); a unit formed from no
-- other is its own origin.
create or replace temp macro unit_ancestry(codes) as table
    select
        u.code,
        if(o.code is null, u.founded_on, o.founded_on) as founded_on,
        if(o.code is null, if(u.founded_on is null, null, u.code), o.oldest_code) as oldest_code,
        if(o.code is null, if(u.founded_on is null, null, u.name), o.oldest_name) as oldest_name
    from (select distinct unnest(codes) as code) k
    join unit u on u.code = k.code
    left join unit_origin o on o.code = k.code;

-- keys_of(ids): a list of keys as rows (id), for a semi join `on k.id = t.x and k.id is not null`
-- against a table of millions: the planner knows the keys are as few as the list, and the keys'
-- `is not null` (a no-op for an equality) makes them a filtered build side, for which DuckDB pushes
-- a Bloom filter of them (or the values themselves) into the table's scan: only the matching rows
-- are read past the key (300 people among 6 million: 0,21 → 0,07 s). Without it, it pushes only
-- the keys' min and max; a semi join on a CTE, an inner join from the keys, or a join that also
-- has a computed key (is_cs) pushes none.
create or replace temp macro keys_of(ids) as table
    select unnest(ids) as id;

-- Lookups by a list of keys: persons_of(ids), units_of(ids), files_of(ids). Called as
-- `left join persons_of((select list(f.person_id) from findings f)) p on …`: the table's rows whose
-- key is in the list (keys_of). A plain left join from a few findings to person (millions of rows)
-- builds a hash table of the whole table, once per rule and period.
create or replace temp macro persons_of(ids) as table
    select p.* from person p semi join keys_of(ids) k on k.id = p.id and k.id is not null;

create or replace temp macro units_of(ids) as table
    select u.* from unit u semi join keys_of(ids) k on k.id = u.id and k.id is not null;

create or replace temp macro files_of(ids) as table
    select sf.id, sf.file_name from source_file sf semi join keys_of(ids) k on k.id = sf.id and k.id is not null;

-- collective_members(ids): the seats these people (the disciplined: a few) hold in leadership
-- collectives in the period, as (person_id, unit_id): rated as a leader of the unit, by a title
-- that seats them in its committee (or none given); on a chi bộ's
-- roster (or its member rating list's Chức vụ), its head or a seat of its committee (Phó Bí thư,
-- chi ủy viên); or, by that title, a seat of the Đảng ủy above their chi bộ (the nearest đảng
-- bộ cơ sở, or đảng bộ bộ phận where the title says "bộ phận": committee_seats in functions.sql).
-- R2 (QĐ 124) and R10 (QĐ 366).
create or replace temp macro collective_members(ids) as table
    with
    keys as (select unnest(ids) as id),
    roster_rows as materialized (
        select m.person_id, m.unit_id, m.is_head, fold(m.position) as title_key
        from period_roster m
        semi join keys k on k.id = m.person_id and k.id is not null
        union all
        -- the "Chức vụ" column of the chi bộ's member rating list says the same as its roster's
        -- (a commune may send no roster)
        select r.person_id, r.unit_id, r.is_head, fold(r.position)
        from rating_current r
        semi join keys k on k.id = r.person_id and k.id is not null
        where r.period_year = getvariable('period_year') and r.period_kind = getvariable('period_kind')
          and r.period_no = getvariable('period_no') and r.subject_kind = 'member' and r.position is not null
        union all
        -- … and the discipline register's "Chức vụ, đơn vị công tác" ("Phó Bí thư Thường trực Đảng ủy
        -- xã A"), under the unit the member's violation counts in (a chi bộ, or the đảng bộ itself)
        select d.person_id, d.unit_id, false, fold(d.position)
        from period_discipline d
        semi join keys k on k.id = d.person_id and k.id is not null
        where d.subject_type = 'person' and d.position is not null and d.unit_id is not null
    ),
    roster as materialized (
        select r.person_id, r.unit_id, r.is_head, committee_seats(r.title_key) as seats,
            u.kind in ('chi_bo_co_so', 'chi_bo_truc_thuoc') as in_chi_bo
        from roster_rows r
        left join units_of((select list(r.unit_id) from roster_rows r)) u on u.id = r.unit_id
    ),
    -- the đảng bộ above the chi bộ of those seated in one: the nearest of the kind the title names
    ancestors as (
        select r.person_id, r.unit_id, r.seat, unnest(string_split(trim(c.path, '/'), '/')) as code
        from (select person_id, unit_id, unnest(list_filter(seats, lambda s: s in ('dang_bo', 'dang_bo_bo_phan'))) as seat from roster) r
        join units_of((select list(r.unit_id) from roster r)) c on c.id = r.unit_id
    ),
    above as (
        select x.person_id, a.id as unit_id,
               row_number() over (partition by x.person_id, x.unit_id, x.seat order by a.depth desc) as k
        from ancestors x
        -- (the few codes as the build side: a join of the registry on them built it on the registry)
        join (select u.* from unit u semi join (select distinct x.code from ancestors x) k on k.code = u.code) a
            on a.code = x.code
        -- (the unit itself, when the row is the đảng bộ's: a register placing the member there)
        where a.kind = if(x.seat = 'dang_bo', 'dang_bo_co_so', 'dang_bo_bo_phan')
    )
    select distinct person_id, unit_id
    from (
        -- (a leader the body rates whose title is a post of the State and names no seat of a committee,
        -- "Trưởng phòng Kinh tế", a cadre it manages, sits in no collective of it; any other does)
        select r.person_id, r.unit_id
        from period_rating r
        semi join keys k on k.id = r.person_id and k.id is not null
        left join (select c.id, fold(c.position) as title_key from rating_current c
                   semi join keys k on k.id = c.person_id and k.id is not null
                   where c.subject_kind = 'leader' and c.position is not null) t on t.id = r.id
        where r.subject_kind = 'leader' and r.final_level is not null
          and (t.title_key is null or r.is_head or len(committee_seats(t.title_key)) > 0
               or regexp_matches(t.title_key, '\b(uy vien|uv|uvbtv|bi thu|pho bi thu|bt|pbt|dang uy|cap uy)\b')
               or not regexp_matches(t.title_key, '\b(phong|giam doc|chanh van phong|cong chuc|vien chuc|chuyen vien|hieu truong|hieu pho|truong tram|ke toan|thu quy)\b'))
        union all
        -- (a chi bộ's seat where the row is the chi bộ's: a register placing its Bí thư in the đảng bộ
        -- seats him in no collective of the đảng bộ by that title)
        select r.person_id, r.unit_id from roster r where r.is_head or (list_contains(r.seats, 'chi_bo') and r.in_chi_bo)
        union all
        select a.person_id, a.unit_id from above a where a.k = 1
    );

-- rating_finding: the findings about single ratings of the period (R2, R3, R6–R10), each rule's
-- own columns, before the columns they share: each of those rules returns rows of this shape, which
-- the runner gathers here, then turns into anomaly rows with rating_findings(), once for all of
-- them: the lookups of people, units and files are made once per run, not once per rule.
--   rule, status  the rule; 'flagged' or 'exempted'
--   severity      of the finding when flagged ('low' when exempted)
--   rating_id     the period_rating row found
--   unit_id       the unit the finding is filed under (and scoped by); null for a civil servant
--                 of a list with no party unit: the unit the agency is placed in (schema 012)
--   message, evidence (in the message, '{subject}' stands for subject_label of the rating's
--                 subject, '{name}' for the person's name: looked up here, the rule need not)
--   other_ids     other ratings of the period compared with it (their rows join the sources)
--   more_sources  other {file, row} sources (disciplines), after those
--   about_unit    true: the finding is about its unit (unit_id, e.g. the body that decided the
--                 ratings it groups: R7's exemptions), not about the rating's subject; null: false
create or replace temp table rating_finding (
    rule         varchar not null,
    status       varchar not null,
    severity     varchar not null,
    rating_id    bigint not null,
    unit_id      integer,
    message      varchar not null,
    evidence     json,
    other_ids    bigint[],
    more_sources struct(file varchar, "row" integer)[],
    about_unit   boolean
);

-- rating_findings(): the anomaly rows (the columns of sql/rules/README.md, in order) of the
-- rating_finding rows. The subject is the rating's person, else its organisation; the rulebook, the
-- civil-servant one for a civil-servant rating; the main source, the rating's own row.
create or replace temp macro rating_findings() as table
    with
    found as (
        select * replace (coalesce(about_unit, false) as about_unit) from rating_finding
    ),
    -- (a rating has at most one finding per rule: rule and rating identify a finding)
    compared as (
        select f.rule, f.rating_id, unnest(f.other_ids) as other_id from found f
    ),
    -- the rows the findings name, by their keys (see the lookups above)
    ratings as (
        select r.id, r.subject_kind, r.is_cs, r.person_id, r.subject_unit_id, r.deciding_unit_id, r.agency_unit_id, r.source_file_id, r.source_row
        from period_rating r
        semi join keys_of((select list_concat(list(f.rating_id), flatten(list(f.other_ids))) from found f)) k
            on k.id = r.id and k.id is not null
    ),
    -- the findings' own ratings (the compared ones give only their sources: R7's exemptions of 2025
    -- compare 300 000 organisations, whose units and people nothing shows)
    found_ratings as (
        select r.* from ratings r semi join found f on f.rating_id = r.id
    ),
    units as (
        select * from units_of(list_concat((select list(f.unit_id) from found f),
                                           (select list_concat(list(r.deciding_unit_id), list(r.subject_unit_id), list(r.agency_unit_id)) from found_ratings r)))
    ),
    persons as (
        select * from persons_of((select list(r.person_id) from found_ratings r))
    ),
    files as (
        select * from files_of((select list(r.source_file_id) from ratings r))
    ),
    other_sources as (
        select c.rule, c.rating_id, list_sort(list(distinct {'file': sf.file_name, 'row': r.source_row})) as srcs
        from compared c
        join ratings r on r.id = c.other_id
        left join files sf on sf.id = r.source_file_id
        group by c.rule, c.rating_id
    )
    select
        f.rule,
        f.status,
        if(r.is_cs, getvariable('cs_rulebook'), getvariable('rulebook')) as rulebook,
        getvariable('period_year') as year,
        getvariable('period_kind') as period_kind,
        getvariable('period_no') as period_no,
        u.id as unit_id,
        u.code as unit_code,
        u.name as unit_name,
        r.deciding_unit_id,
        du.code as deciding_unit_code,
        r.subject_kind,
        if(f.about_unit, null, r.person_id) as person_id,
        if(f.about_unit, f.unit_id, r.subject_unit_id) as subject_unit_id,
        if(p.id is not null, person_ref(p.card_no, p.name_key, p.birth_date, p.birth_year),
           'unit:' || coalesce(su.code, u.code)) as subject_ref,
        coalesce(p.full_name, su.name, u.name) as subject_name,
        p.card_no as subject_card,
        p.birth_date as subject_birth_date,
        p.birth_year as subject_birth_year,
        if(f.status = 'flagged', f.severity, 'low') as severity,
        replace(replace(f.message, '{subject}', subject_label(r.subject_kind, p.full_name, u.name, coalesce(su.name, u.name))),
                '{name}', coalesce(p.full_name, '')) as message,
        f.evidence,
        sf.file_name as source_file,
        r.source_row,
        -- each row once: an organisation and its collective may be rated on one row of a list
        list_concat([{'file': sf.file_name, 'row': r.source_row}],
                    list_filter(o.srcs, lambda s: s <> {'file': sf.file_name, 'row': r.source_row}), f.more_sources) as sources
    from found f
    join ratings r on r.id = f.rating_id
    join units u on u.id = coalesce(f.unit_id, r.agency_unit_id)
    left join units du on du.id = r.deciding_unit_id
    left join units su on su.id = if(f.about_unit, f.unit_id, r.subject_unit_id)
    left join persons p on p.id = r.person_id and not f.about_unit
    left join files sf on sf.id = r.source_file_id
    left join other_sources o on o.rule = f.rule and o.rating_id = f.rating_id
    where in_scope(u.path);
