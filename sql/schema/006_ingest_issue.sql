-- ingest_issue: what a load reported without refusing the file: ambiguous identities,
-- quarter-IV lists under qd366, and the like. Refused rows are never stored: their messages go
-- back to the caller.
create table if not exists ingest_issue (
    source_file_id integer not null,
    source_row     integer,
    severity       varchar not null,      -- warning | ambiguous | merged (identity.sql reconcile)
    message        varchar not null
);
