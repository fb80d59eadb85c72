-- An access token per app for private repositories over https, sealed like every other secret and
-- never shown again after it is set.
create table app_repository_tokens (
    app_id   bigint      primary key references apps (id) on delete cascade,
    token_id uuid        not null references sealed_values (id),
    set_by   varchar(40) not null,
    set_at   timestamptz not null
);
