-- Metric templates a platform or a team writes for canary and blue-green analyses, beside the built-in
-- error-rate and p99-latency. A team's template of a key is used before the platform's.
create table metric_templates (
    id                      bigint generated always as identity primary key,
    -- null: the platform's, for every team
    team_id                 bigint        references teams (id) on delete cascade,
    key                     varchar(40)   not null,
    name                    varchar(80)   not null,
    query                   varchar(4000) not null,
    success                 varchar(100)  not null,
    failure                 varchar(100),
    interval_seconds        integer       not null check (interval_seconds between 1 and 3600),
    count                   integer       not null check (count between 1 and 100),
    initial_delay_seconds   integer       not null check (initial_delay_seconds between 0 and 3600),
    failure_limit           integer       not null check (failure_limit between 0 and 100),
    inconclusive_limit      integer       not null check (inconclusive_limit between 0 and 100),
    consecutive_error_limit integer       not null check (consecutive_error_limit between 0 and 100),
    updated_by              varchar(40)   not null,
    updated_at              timestamptz   not null
);
create unique index metric_templates_platform_key on metric_templates (key) where team_id is null;
create unique index metric_templates_team_key on metric_templates (team_id, key) where team_id is not null;
