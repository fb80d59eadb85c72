-- Config and secrets per app and environment as immutable, numbered versions. A release pins the
-- version it runs with, so rolling back restores that config. Secret values are never here: an entry
-- holds the id of a row in sealed_values, encrypted under its own data key.
create table config_versions (
    id             bigint generated always as identity primary key,
    app_id         bigint        not null references apps (id) on delete cascade,
    environment_id bigint        not null references environments (id) on delete cascade,
    number         integer       not null check (number > 0),
    -- {"variables": {"NAME": "value"}, "secrets": {"NAME": {"sealedId": "...", "version": 2, "setBy": "...", "setAt": "..."}}}
    entries        jsonb         not null,
    -- what changed from the previous version, key names only
    summary        varchar(2000) not null,
    created_by     varchar(40)   not null,
    created_at     timestamptz   not null,
    unique (app_id, environment_id, number)
);

alter table releases add column config_version_id bigint references config_versions (id);

-- A request to run a release of one environment in a later one. Promotions into protected
-- environments wait here for a MAINTAINER other than the requester.
create table promotions (
    id                  bigint generated always as identity primary key,
    app_id              bigint        not null references apps (id) on delete cascade,
    from_environment_id bigint        not null references environments (id) on delete cascade,
    to_environment_id   bigint        not null references environments (id) on delete cascade,
    source_release      integer       not null,
    -- the image at the time of the request: approving approves exactly this
    image               varchar(512)  not null,
    status              varchar(16)   not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    requested_by        varchar(40)   not null,
    requested_at        timestamptz   not null,
    decided_by          varchar(40),
    decided_at          timestamptz,
    comment             varchar(1000),
    target_release      integer,
    version             bigint        not null default 0
);
create unique index promotions_one_pending on promotions (app_id, to_environment_id) where status = 'PENDING';
create index promotions_app on promotions (app_id, id desc);
