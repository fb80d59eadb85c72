-- "Deploy successful builds of branch X to this environment", per app and environment. Protected
-- environments are never auto-deployed: every deploy there needs a maintainer.
create table app_auto_deploys (
    app_id         bigint       not null references apps (id) on delete cascade,
    environment_id bigint       not null references environments (id) on delete cascade,
    branch         varchar(255) not null,
    created_by     varchar(40)  not null,
    created_at     timestamptz  not null,
    primary key (app_id, environment_id)
);
