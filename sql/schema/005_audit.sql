-- audit_run / anomaly / signal: every run of the rules is kept with its rulebook and a fingerprint
-- of the data it read, so that a finding cited in an order can be shown again exactly as it was.
create sequence if not exists audit_run_seq start 1;

create table if not exists audit_run (
    id               integer primary key default nextval('audit_run_seq'),
    started_at       timestamp not null default current_timestamp,
    period_year      integer not null,
    period_kind      varchar not null,
    period_no        integer not null,
    rulebook         varchar not null,
    rulebook_params  json not null,
    scope_code       varchar,
    rules            varchar[] not null,
    data_fingerprint varchar not null,
    finding_count    integer,
    seconds          double
);

-- anomaly: one row per finding (status flagged) or per exception applied (status exempted).
create table if not exists anomaly (
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
    sources            json               -- [{file,row}] of every rating involved
);

-- signal: statistical screens (not rules): labelled apart from findings.
create table if not exists signal (
    run_id     integer not null,
    signal     varchar not null,          -- excellent_outlier | identical_years | self_gap
    year       integer not null,
    unit_id    integer,
    unit_code  varchar,
    unit_name  varchar,
    score      double,
    message    varchar not null,
    evidence   json
);
