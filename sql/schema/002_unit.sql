-- unit: the registry of Party organisations and bodies, province committee down to chi bộ.
-- path is the chain of codes from the root ('/T01/H0101/X010101/'), rebuilt after each registry
-- load; a caller's scope is a path prefix, so scope filtering is one LIKE everywhere.
create sequence if not exists unit_seq start 1;

create table if not exists unit (
    id             integer primary key default nextval('unit_seq'),
    code           varchar not null unique,
    name           varchar not null,
    name_key       varchar not null,      -- fold(name): accent-folded, lower-case, single spaces
    kind           varchar not null,      -- tinh_uy | huyen_uy | dang_bo_co_so | chi_bo_co_so | dang_bo_bo_phan | chi_bo_truc_thuoc | co_quan | ...
    parent_code    varchar,
    path           varchar,               -- '/root/.../code/'
    depth          integer,
    province_code  varchar,
    province_name  varchar,
    locality       varchar,               -- huyện / xã as written in the registry
    founded_on     date,
    dissolved_on   date,
    status         varchar,
    source_file_id integer not null,
    source_row     integer not null
);

-- unit_lineage: merges, splits and renames, so trends follow successors and a merged unit's age
-- counts from its oldest predecessor (R7).
create table if not exists unit_lineage (
    from_code      varchar not null,
    to_code        varchar not null,
    kind           varchar not null,      -- merge | split | rename
    effective_on   date,
    source_file_id integer not null,
    source_row     integer not null
);
