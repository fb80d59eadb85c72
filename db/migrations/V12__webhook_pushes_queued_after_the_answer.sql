-- A verified push to an app's branch is answered at once and stored as BUILD_PENDING; a background
-- worker turns pending pushes into builds, one build for the newest push of a branch when several wait
-- (the older ones become SUPERSEDED and name the build that covers them).
alter table webhook_deliveries drop constraint webhook_deliveries_outcome_check;
alter table webhook_deliveries add constraint webhook_deliveries_outcome_check
    check (outcome in ('BUILD_PENDING', 'BUILD_QUEUED', 'SUPERSEDED', 'NOT_BUILT', 'PING', 'DUPLICATE',
                       'NO_MATCHING_APP', 'IGNORED', 'REFUSED'));
create index webhook_deliveries_pending on webhook_deliveries (id) where outcome = 'BUILD_PENDING';
