-- The worker that queues webhook builds reads the branch from the stored ref, so the column must hold
-- "refs/heads/" plus the longest branch name an app may have (255); V6 made it 255 in all.
alter table webhook_deliveries alter column ref type varchar(300);
