-- Foundation schema: people, teams, clusters, environments, apps, settings and the audit log.
-- Names that end up in Kubernetes object names are short on purpose (see the limits in each feature's
-- rules class): a namespace or Service name must fit in 63 characters with Slipway's suffixes.

create table users (
    id             bigint generated always as identity primary key,
    username       varchar(40)  not null unique,
    display_name   varchar(100) not null,
    password_hash  varchar(100) not null,
    platform_admin boolean      not null default false,
    enabled        boolean      not null default true,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0
);

-- API tokens are stored as SHA-256 of a 256-bit random value: fast to look up, useless if leaked.
create table api_tokens (
    id           bigint generated always as identity primary key,
    user_id      bigint       not null references users (id) on delete cascade,
    name         varchar(100) not null,
    token_hash   bytea        not null unique,
    token_prefix varchar(16)  not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

create table teams (
    id           bigint generated always as identity primary key,
    name         varchar(24)  not null unique,
    display_name varchar(100) not null,
    description  varchar(500) not null default '',
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null,
    version      bigint       not null default 0
);

create table memberships (
    id         bigint generated always as identity primary key,
    team_id    bigint      not null references teams (id) on delete cascade,
    user_id    bigint      not null references users (id) on delete cascade,
    role       varchar(16) not null check (role in ('VIEWER', 'DEVELOPER', 'MAINTAINER')),
    created_at timestamptz not null,
    unique (team_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

-- Envelope-encrypted values (credentials, later app secrets). Owners reference a row by id; the id is
-- bound into the ciphertext, so a value copied into another row fails to decrypt.
create table sealed_values (
    id          uuid        primary key,
    kek_id      varchar(32) not null,
    wrapped_key bytea       not null,
    ciphertext  bytea       not null,
    created_at  timestamptz not null
);
create index sealed_values_kek_idx on sealed_values (kek_id);

create table clusters (
    id                     bigint generated always as identity primary key,
    name                   varchar(40)  not null unique,
    kind                   varchar(16)  not null check (kind in ('SANDBOX', 'KUBERNETES')),
    description            varchar(500) not null default '',
    api_url                varchar(2048),
    auth_method            varchar(16)  not null check (auth_method in ('NONE', 'TOKEN', 'KUBECONFIG', 'IN_CLUSTER')),
    ca_certificate         text,
    skip_tls_verify        boolean      not null default false,
    credentials_id         uuid references sealed_values (id),
    credentials_updated_at timestamptz,
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0,
    check (kind = 'KUBERNETES' or auth_method = 'NONE')
);

create table environments (
    id                 bigint generated always as identity primary key,
    name               varchar(16)  not null unique,
    description        varchar(500) not null default '',
    position           integer      not null,
    cluster_id         bigint       not null references clusters (id) on delete restrict,
    namespace_template varchar(100) not null,
    create_namespace   boolean      not null default true,
    protected          boolean      not null default false,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0,
    -- deferred so that two environments can swap places in one transaction
    constraint environments_position_unique unique (position) deferrable initially deferred
);

create table apps (
    id             bigint generated always as identity primary key,
    team_id        bigint       not null references teams (id) on delete restrict,
    name           varchar(40)  not null unique,
    description    varchar(500) not null default '',
    source_kind    varchar(8)   not null check (source_kind in ('GIT', 'IMAGE')),
    repository_url varchar(2048),
    branch         varchar(255),
    image          varchar(512),
    port           integer      not null check (port between 1 and 65535),
    liveness_path  varchar(256) not null,
    readiness_path varchar(256) not null,
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    version        bigint       not null default 0,
    check ((source_kind = 'GIT' and repository_url is not null and branch is not null and image is null)
        or (source_kind = 'IMAGE' and image is not null and repository_url is null and branch is null))
);
create index apps_team_idx on apps (team_id);

create table platform_settings (
    key        varchar(100) primary key,
    value      text         not null,
    updated_at timestamptz  not null,
    updated_by varchar(40)  not null
);

-- Append-only. Names are copied, not referenced, so the record outlives what it describes.
create table audit_events (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz  not null,
    actor       varchar(40)  not null,
    action      varchar(64)  not null,
    target_type varchar(32)  not null,
    target      varchar(255) not null,
    team        varchar(24),
    details     jsonb        not null default '{}'
);
create index audit_events_time_idx on audit_events (occurred_at desc, id desc);
create index audit_events_actor_idx on audit_events (actor, occurred_at desc);
create index audit_events_team_idx on audit_events (team, occurred_at desc);
