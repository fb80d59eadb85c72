-- Blue-green rollouts: the new release starts in the idle slot behind a preview Service, and the
-- active Service switches to it in one write. Null columns mean the defaults
-- (dev.slipway.apps.DeploySettings.BlueGreen#defaults).

alter table app_environment_settings drop constraint app_environment_settings_strategy_check;
alter table app_environment_settings add constraint app_environment_settings_strategy_check
    check (strategy in ('ROLLING', 'CANARY', 'BLUE_GREEN'));
-- pods of the new release before promotion; null: as many as the app runs
alter table app_environment_settings add column bg_preview_replicas integer
    check (bg_preview_replicas between 1 and 100);
alter table app_environment_settings add column bg_auto_promote boolean;
alter table app_environment_settings add column bg_auto_promote_delay_seconds integer
    check (bg_auto_promote_delay_seconds between 0 and 86400);
alter table app_environment_settings add column bg_scale_down_delay_seconds integer
    check (bg_scale_down_delay_seconds between 0 and 86400);
-- metric template keys, space-separated, e.g. "error-rate p99-latency"
alter table app_environment_settings add column bg_pre_analysis varchar(200);
alter table app_environment_settings add column bg_post_analysis varchar(200);

-- the blue-green slot the running release serves from; null for apps that run in one Deployment
alter table environment_releases add column slot varchar(8) check (slot in ('blue', 'green'));
