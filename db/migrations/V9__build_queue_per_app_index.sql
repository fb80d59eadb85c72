-- The queue's claim looks up each app's oldest queued build; with only builds_queued (by id) that
-- lookup walked every queued build of every app, so a long queue slowed down each claim.
create index builds_queued_per_app on builds (app_id, id) where status = 'QUEUED';
