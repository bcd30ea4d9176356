-- unit.registry_as_of: the day the registry that set a unit's name, parent, kind, status and dissolution
-- stands at (its title's "tính đến ngày …", "từ ngày …", else 01/01 of the year it names, the
-- earliest day it can stand at; null: it names none, or the unit was stored before). A province
-- loading its archive after the registry of now must not have a 2022 registry's "Đang hoạt động"
-- revive a huyện dissolved in 2025, nor its old names and parents replace the current ones
-- (registry.sql, step merge). Units stored before: not known, so only a stored dissolution dates them.
alter table unit add column if not exists registry_as_of date;
