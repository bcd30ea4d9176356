-- unit_origin: for each unit formed from others (a target of unit_lineage: merged into, split
-- from, renamed from, followed back to any depth), its oldest predecessor: where a merged unit's
-- age counts from (R4, R7; 003 §5.14). Derived from unit and unit_lineage by
-- sql/rules/shared/unit_origin.sql, which the audit runner re-runs whenever the registry it was
-- built from (registry_stamp) has changed: walking the lineage of the 2025 round's 300 000 merged
-- units in every run cost more than the rest of R7.
create table if not exists unit_origin (
    code        varchar not null,
    founded_on  date,             -- the earliest founding date of the unit and its predecessors
    oldest_code varchar,          -- of predecessors founded the same day, the first by code
    oldest_name varchar
);

create table if not exists unit_origin_stamp (
    registry_stamp varchar not null
);
