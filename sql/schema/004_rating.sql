-- rating: one row per rated subject per period, as decided by one body. A later list for the same
-- (deciding body, unit, subject kind, period) supersedes the earlier rows, which stay queryable.
create sequence if not exists rating_seq start 1;

-- No primary key index, as for person: bulk loads of millions of rows.
create table if not exists rating (
    id                  bigint not null default nextval('rating_seq'),
    period_year         integer not null,
    period_kind         varchar not null, -- year | quarter | term
    period_no           integer not null, -- quarter 1..4; term: first year; year: 0
    subject_kind        varchar not null, -- party_org | leadership | member | leader | civil_servant
    person_id           integer,          -- member, leader, civil_servant
    subject_unit_id     integer,          -- party_org, leadership (the organisation rated / whose collective)
    unit_id             integer,          -- where the subject belongs: chi bộ of a member; the org itself
    deciding_unit_id    integer,          -- the body that decided
    position            varchar,
    is_head             boolean not null default false,
    joined_unit_on      date,             -- ngày chuyển đến, when the list carries it (R3 newcomer head)
    group_name          varchar,          -- "Nhóm": subjects of similar positions (R1 under qd366)
    self_level          tinyint,
    proposed_level      tinyint,
    final_level         tinyint,          -- null = not rated (see not_rated_reason)
    civil_servant_level tinyint,          -- when the member list carries it
    score               double,
    decided_on          date,
    reviewed_on         date,
    sick_leave_days     integer,
    not_rated_reason    varchar,
    note                varchar,
    agency              varchar,          -- civil-servant lists: the agency as written
    source_file_id      integer not null,
    source_row          integer not null,
    superseded_by       integer
);

-- discipline: the register of disciplinary decisions, persons and organisations.
create table if not exists discipline (
    subject_type     varchar not null,    -- person | unit
    person_id        integer,
    subject_unit_id  integer,             -- the organisation disciplined
    unit_id          integer,             -- where the violation happened (003 §5.12)
    decided_on       date not null,
    form             varchar not null,    -- khien_trach | canh_cao | cach_chuc | khai_tru | giai_tan | other
    form_text        varchar,
    self_remedied    boolean not null default false,
    issuing_body     varchar,
    source_file_id   integer not null,
    source_row       integer not null,
    superseded_by    integer
);

create or replace view rating_current as select * from rating where superseded_by is null;
create or replace view membership_current as select * from membership where superseded_by is null;
create or replace view discipline_current as select * from discipline where superseded_by is null;
