-- source_file: one row per file ever loaded (or refused after parsing). Every stored row points here,
-- so each finding can be traced to its file and row. Re-loading a byte-identical file (same sha256)
-- changes nothing.
create sequence if not exists source_file_seq start 1;

create table if not exists source_file (
    id            integer primary key default nextval('source_file_seq'),
    file_name     varchar not null,       -- base name as sent; "name [sheet]" for one sheet of several
    sha256        varchar not null unique, -- of this part: the file's, or of file and sheet name
    file_sha256   varchar not null,        -- of the whole file: re-loading it changes nothing
    kind          varchar not null,       -- registry | roster | rating | discipline | civil_servant
    encoding      varchar not null,       -- utf-8 | windows-1258 | tcvn3 | vni | xlsx | xlsx+tcvn3 ...
    header_row    integer not null,       -- 1-based row of the header in the file
    row_count     integer not null,       -- data rows stored
    period_year   integer,                -- from a column, a title line or --year
    title_unit    varchar,                -- unit named in a title line, as written
    loaded_at     timestamp not null default current_timestamp,
    loaded_by     varchar not null default 'cli'
);
