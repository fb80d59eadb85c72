-- An ssh deploy key per app, made by Slipway: the private half is sealed like every secret and never
-- leaves; the public half is what the team adds to the repository. The git server's host key is
-- remembered at the first fetch (trust on first use) and a different one later is refused.
create table app_deploy_keys (
    app_id     bigint        primary key references apps (id) on delete cascade,
    key_id     uuid          not null references sealed_values (id),
    public_key varchar(400)  not null,
    host_key   varchar(2000),
    created_by varchar(40)   not null,
    created_at timestamptz   not null
);
