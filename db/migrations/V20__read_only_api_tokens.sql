-- A token may be limited to reading (GET requests only), for dashboards and reporting scripts that
-- should never be able to deploy.
alter table api_tokens add column read_only boolean not null default false;
