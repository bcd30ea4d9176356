-- person: one row per human being across all files. Identity: party card number; else
-- fold(name) + birth date (or birth year) within a unit and its lineage; ambiguous -> reported
-- in ingest_issue, never guessed.
create sequence if not exists person_seq start 1;

-- No primary key index: loads insert millions of people at once and an ART index costs more than
-- it saves here (DuckDB joins by hash); ids come from the sequence only.
create table if not exists person (
    id             integer not null default nextval('person_seq'),
    card_no        varchar,               -- số thẻ đảng viên, digits/letters only
    full_name      varchar not null,      -- NFC, as written
    name_key       varchar not null,      -- fold(full_name)
    birth_date     date,
    birth_year     integer,
    sex            varchar,               -- nam | nu
    joined_party_on date,                 -- ngày vào Đảng, from a roster or a rating list
    home_unit_id   integer,               -- unit where first seen (identity scope)
    source_file_id integer not null,
    source_row     integer not null
);

-- membership: a roster row: where a member holds their membership in a year, and on what terms.
create table if not exists membership (
    person_id       integer not null,
    unit_id         integer not null,
    year            integer not null,
    status          varchar not null,     -- official | probationary | temporary | exempt | suspended | left (died, expelled, moved out)
    joined_party_on date,
    joined_unit_on  date,                 -- ngày chuyển đến (R3 newcomer head)
    is_head         boolean not null default false,
    position        varchar,
    is_civil_servant boolean,
    source_file_id  integer not null,
    source_row      integer not null,
    superseded_by   integer               -- source_file.id of the roster that replaced this one
);
