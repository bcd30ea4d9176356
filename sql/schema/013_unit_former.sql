-- unit_former: what a unit was before a registry load moved it or renamed it. The 2025 merger moved
-- chi bộ (same code) under the commune it formed, often renamed where names clashed ("Chi bộ thôn 3"
-- of xã Minh Hưng became "Chi bộ thôn Minh Hưng 3" beside xã Đức Liễu's "Chi bộ thôn 3"); the past
-- lists of the old commune, loaded afterwards, name the unit as it was, under the unit it was in
-- (resolve_units.sql). One row per change: the former parent and name, and the registry file that
-- changed them.
create table if not exists unit_former (
    code           varchar not null,
    parent_code    varchar,
    name           varchar,
    name_key       varchar,
    changed_by     integer not null    -- source_file.id of the registry load
);
