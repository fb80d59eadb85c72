-- Canary rollouts: steps per app and environment, the Prometheus each environment is measured with,
-- and every measurement an analysis takes, so each decision can show what it was based on.

alter table app_environment_settings drop constraint app_environment_settings_strategy_check;
alter table app_environment_settings add constraint app_environment_settings_strategy_check
    check (strategy in ('ROLLING', 'CANARY'));
-- the steps as written (setWeight 20 / pause 5m / analysis error-rate), one per line; null: the defaults
alter table app_environment_settings add column canary_steps varchar(2000);

-- base URL of the Prometheus that scrapes this environment's apps; null: no analysis outside the sandbox
alter table environments add column prometheus_url varchar(500);

create table analysis_measurements (
    id          bigint generated always as identity primary key,
    rollout_id  bigint           not null references rollouts (id) on delete cascade,
    -- index of the canary step that ran the analysis (0 = the first step)
    step        integer          not null,
    -- the metric template's key, e.g. error-rate
    metric      varchar(40)      not null,
    measured_at timestamptz      not null,
    phase       varchar(16)      not null check (phase in ('SUCCESSFUL', 'FAILED', 'INCONCLUSIVE', 'ERROR')),
    value       double precision,
    error       varchar(1000),
    check ((phase = 'ERROR') = (value is null))
);
create index analysis_measurements_rollout on analysis_measurements (rollout_id, step, metric, id);
