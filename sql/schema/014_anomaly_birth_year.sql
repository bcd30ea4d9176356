-- A finding's person known by birth year only (lists that give "Năm sinh"): subject_birth_year, so
-- that namesakes in an exported list can be told apart where subject_birth_date is null. Copied
-- into the new shape, as 008, to keep the column beside subject_birth_date (rules return the
-- table's columns in its order).
create table anomaly_v14 (
    run_id             integer not null,
    rule               varchar not null,
    status             varchar not null,
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
    subject_ref        varchar not null,
    subject_name       varchar,
    subject_card       varchar,
    subject_birth_date date,
    subject_birth_year integer,
    severity           varchar not null,
    message            varchar not null,
    evidence           json,
    source_file        varchar,
    source_row         integer,
    sources            struct(file varchar, "row" integer)[]
);

insert into anomaly_v14 by name
select a.*, p.birth_year as subject_birth_year
from anomaly a
left join person p on p.id = a.person_id
order by a.run_id;

drop table anomaly;
alter table anomaly_v14 rename to anomaly;
