-- Container registries builds push to, registered by platform admins. An environment may name one
-- (its clusters pull from it); an environment without one uses the platform registry from
-- SLIPWAY_BUILD_REGISTRY. Credentials are sealed like every secret.
create table registries (
    id          bigint generated always as identity primary key,
    name        varchar(40)  not null unique,
    address     varchar(255) not null,
    insecure    boolean      not null default false,
    username    varchar(255),
    password_id uuid         references sealed_values (id),
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);

-- Which registry an environment's images come from; no row means the platform registry. A registry in
-- use cannot be deleted.
create table environment_registries (
    environment_id bigint primary key references environments (id) on delete cascade,
    registry_id    bigint not null references registries (id)
);

-- Every registry a build pushed its image to, pinned to the digest: a deploy takes the image from the
-- registry of the environment it goes to.
create table build_images (
    build_id bigint       not null references builds (id) on delete cascade,
    registry varchar(255) not null,
    image    varchar(600) not null,
    primary key (build_id, registry)
);

-- Builds made before: their one image went to the platform registry, whose address is what comes
-- before /<team>/<app>@<digest>.
insert into build_images (build_id, registry, image)
select id, regexp_replace(image, '/[^/]+/[^/@]+@sha256:[0-9a-f]+$', ''), image
from builds
where image is not null and image ~ '/[^/]+/[^/@]+@sha256:[0-9a-f]+$';
