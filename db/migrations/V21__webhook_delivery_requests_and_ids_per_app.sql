-- A delivery keeps the request it came with, so the team can read what the provider sent and have
-- Slipway process it again (redeliver):
--   request_headers  the headers as received, in order, as [{"name": ..., "value": ...}]; signature and
--                    token headers are redacted before they are stored, never kept
--   body             the raw body bytes exactly as received (what the signature covered); only for
--                    deliveries that passed verification: nothing an unverified sender wrote is kept
--   body_size        the body's length in bytes, kept after the body itself is dropped
-- Storage is bounded per app (WebhookStore.forgetOldRequests): the newest 50 verified deliveries keep
-- their request, up to 10 MB of bodies together, and the newest 50 refused ones keep their headers.
-- Older rows keep their outcome and lose headers and body.
alter table webhook_deliveries add column request_headers jsonb;
alter table webhook_deliveries add column body bytea;
alter table webhook_deliveries add column body_size integer;
-- A redelivery is a new delivery that names the one it repeats and who asked for it. It has no
-- delivery id of its own, so the once-per-delivery-id index never counts it as the original.
alter table webhook_deliveries add column redelivery_of bigint references webhook_deliveries (id) on delete set null;
alter table webhook_deliveries add column redelivered_by varchar(40);
-- The rows that still keep a request, which the pruning after each delivery walks.
create index webhook_deliveries_kept on webhook_deliveries (app_id, id desc) where request_headers is not null;
-- A delivery id is once per app, not once per provider: GitHub's X-GitHub-Delivery and GitLab's
-- X-Gitlab-Event-UUID name the event and are the same in the delivery of every hook that event triggers,
-- so two apps built from one repository (a monorepo) got the same id and the second was taken for a
-- repeat of the first and never built.
drop index webhook_deliveries_once;
create unique index webhook_deliveries_once on webhook_deliveries (app_id, provider, delivery_id)
    where delivery_id is not null and outcome not in ('REFUSED', 'DUPLICATE');
