-- Push webhooks from git providers. Each app has its own secret (sealed like every other secret) and
-- every delivery is kept with its outcome, so a misconfigured hook shows up instead of failing silently.
create table app_webhooks (
    app_id     bigint      primary key references apps (id) on delete cascade,
    secret_id  uuid        not null references sealed_values (id),
    created_by varchar(40) not null,
    created_at timestamptz not null
);

create table webhook_deliveries (
    id           bigint generated always as identity primary key,
    app_id       bigint        not null references apps (id) on delete cascade,
    provider     varchar(16)   not null check (provider in ('GITHUB', 'GITLAB', 'GITEA')),
    delivery_id  varchar(100),
    event        varchar(64)   not null,
    repository   varchar(2048),
    ref          varchar(255),
    commit_sha   varchar(40),
    outcome      varchar(24)   not null check (outcome in ('BUILD_QUEUED', 'NOT_BUILT', 'PING', 'DUPLICATE',
                                                           'NO_MATCHING_APP', 'IGNORED', 'REFUSED')),
    reason       varchar(1000) not null,
    build_number integer,
    received_at  timestamptz   not null
);
-- A delivery id is processed once per provider: refused and duplicate deliveries do not count.
create unique index webhook_deliveries_once on webhook_deliveries (provider, delivery_id)
    where delivery_id is not null and outcome not in ('REFUSED', 'DUPLICATE');
create index webhook_deliveries_app on webhook_deliveries (app_id, id desc);
