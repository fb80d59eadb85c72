-- How each app runs in each environment, the releases that were made of it, and the rollouts that
-- moved an environment from one release to the next.

-- Per app and environment: size, resources and rollout settings. A missing row means the defaults
-- (dev.slipway.apps.DeploySettings#defaults).
create table app_environment_settings (
    id                        bigint generated always as identity primary key,
    app_id                    bigint      not null references apps (id) on delete cascade,
    environment_id            bigint      not null references environments (id) on delete cascade,
    replicas                  integer     not null check (replicas between 0 and 100),
    cpu_request               varchar(16) not null,
    cpu_limit                 varchar(16) not null,
    memory_request            varchar(16) not null,
    memory_limit              varchar(16) not null,
    max_surge                 varchar(8)  not null,
    max_unavailable           varchar(8)  not null,
    progress_deadline_seconds integer     not null check (progress_deadline_seconds between 30 and 3600),
    autoscale_min             integer,
    autoscale_max             integer,
    autoscale_cpu_percent     integer,
    strategy                  varchar(16) not null check (strategy in ('ROLLING')),
    updated_at                timestamptz not null,
    updated_by                varchar(40) not null,
    version                   bigint      not null default 0,
    unique (app_id, environment_id),
    check ((autoscale_min is null and autoscale_max is null and autoscale_cpu_percent is null)
        or (autoscale_min between 1 and autoscale_max and autoscale_max <= 100
            and autoscale_cpu_percent between 10 and 100))
);

-- Immutable: what was deployed (or rolled back to) in one environment, numbered per app and environment.
create table releases (
    id                bigint generated always as identity primary key,
    app_id            bigint       not null references apps (id) on delete cascade,
    environment_id    bigint       not null references environments (id) on delete restrict,
    number            integer      not null,
    image             varchar(512) not null,
    -- the app's and environment's settings at the time, so a rollback restores them as they were
    settings          jsonb        not null,
    -- sandbox only: how the simulated pods behave (HEALTHY, CRASH_LOOP, NEVER_READY, SLOW_START)
    sandbox_behaviour varchar(16)  not null default 'HEALTHY',
    rollback_of       integer,
    created_by        varchar(40)  not null,
    created_at        timestamptz  not null,
    unique (app_id, environment_id, number)
);

-- The state machine that moves an environment from its stable release to a new one. Only the engine
-- changes a rollout; every decision it makes is a row in rollout_events.
create table rollouts (
    id                 bigint generated always as identity primary key,
    app_id             bigint      not null references apps (id) on delete cascade,
    environment_id     bigint      not null references environments (id) on delete restrict,
    release_id         bigint      not null references releases (id) on delete cascade,
    -- what runs if this rollout has to be undone; null for the very first release
    stable_release_id  bigint references releases (id) on delete cascade,
    strategy           varchar(16) not null,
    phase              varchar(16) not null check (phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK',
                                                            'SUCCEEDED', 'ROLLED_BACK', 'ABORTED', 'SUPERSEDED',
                                                            'FAILED')),
    -- strategy-specific progress (step index, weights, ...), written by the strategy only
    progress           jsonb       not null default '{}',
    fast_track         boolean     not null default false,
    reason             varchar(1000),
    started_by         varchar(40) not null,
    started_at         timestamptz not null,
    deadline_at        timestamptz,
    next_check_at      timestamptz,
    finished_at        timestamptz,
    version            bigint      not null default 0
);
-- At most one rollout per app and environment is in flight; the database enforces it.
create unique index rollouts_one_active on rollouts (app_id, environment_id)
    where phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK');
create index rollouts_due on rollouts (next_check_at) where phase in ('PROGRESSING', 'PAUSED', 'ROLLING_BACK');
create index rollouts_app_env on rollouts (app_id, environment_id, id desc);

create table rollout_events (
    id          bigint generated always as identity primary key,
    rollout_id  bigint        not null references rollouts (id) on delete cascade,
    occurred_at timestamptz   not null,
    kind        varchar(32)   not null,
    message     varchar(2000) not null,
    details     jsonb         not null default '{}'
);
create index rollout_events_rollout on rollout_events (rollout_id, id);

-- Which release each app runs in each environment, as far as Slipway finished rolling it out.
-- Restrict: deleting an app that still runs somewhere would leave its objects in the cluster.
create table environment_releases (
    app_id            bigint      not null references apps (id) on delete restrict,
    environment_id    bigint      not null references environments (id) on delete restrict,
    stable_release_id bigint      not null references releases (id) on delete cascade,
    since             timestamptz not null,
    primary key (app_id, environment_id)
);
