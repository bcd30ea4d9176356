-- anomaly.sources as a list of {file, row} structs instead of JSON text: a finding that groups many
-- ratings (R7's exemptions of the 2025 round: 300 000 rows in 6 000 findings) cost a conversion to
-- JSON per source and 20 MB of text per run; as structs the file names compress as a dictionary.
-- Read as JSON where needed with to_json(sources). The table is copied into its new shape:
-- DuckDB 1.5 can neither replay ALTER … TYPE … USING from its write-ahead log nor commit an
-- UPDATE of a table altered in the same transaction.
create table anomaly_v8 (
    run_id             integer not null,
    rule               varchar not null,
    status             varchar not null,  -- flagged | exempted
    rulebook           varchar not null,
    year               integer not null,
    period_kind        varchar not null,
    period_no          integer not null,
    unit_id            integer,
    unit_code          varchar,
    unit_name          varchar,
    deciding_unit_id   integer,
    deciding_unit_code varchar,
    subject_kind       varchar,
    person_id          integer,
    subject_unit_id    integer,
    subject_ref        varchar not null,  -- see src/lib/domain/anomaly.ts: matches truth.jsonl
    subject_name       varchar,
    subject_card       varchar,
    subject_birth_date date,
    severity           varchar not null,  -- high | medium | low
    message            varchar not null,  -- Vietnamese, states the fact with its numbers
    evidence           json,
    source_file        varchar,           -- file name of the main rating involved
    source_row         integer,
    sources            struct(file varchar, "row" integer)[]  -- every rating involved
);

insert into anomaly_v8
select * replace (from_json(sources, '[{"file":"VARCHAR","row":"INTEGER"}]') as sources)
from anomaly
order by run_id;

drop table anomaly;
alter table anomaly_v8 rename to anomaly;
