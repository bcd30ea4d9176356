-- audit_run.with_signals: whether the run computed the statistical signals (a yearly run does unless
-- told not to; a quarter's and a benchmark's do not). The pages show a unit's signals from the latest
-- run that computed them: a later run without them must not hide them, one with none found must.
-- Runs stored before: those with a signal stored.
alter table audit_run add column if not exists with_signals boolean;
update audit_run set with_signals = id in (select distinct run_id from signal) where with_signals is null;
