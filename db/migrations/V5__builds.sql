-- Builds: a commit of an app's repository turned into an image. The table is the queue: QUEUED rows
-- wait, oldest first, one RUNNING build per app at a time, a bounded number overall.
create table builds (
    id               bigint generated always as identity primary key,
    app_id           bigint        not null references apps (id) on delete cascade,
    number           integer       not null check (number > 0),
    status           varchar(16)   not null check (status in ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED',
                                                              'INTERRUPTED')),
    trigger          varchar(16)   not null check (trigger in ('MANUAL', 'API', 'WEBHOOK')),
    branch           varchar(255)  not null,
    requested_commit varchar(40),
    commit_sha       varchar(40),
    commit_author    varchar(255),
    commit_message   varchar(1000),
    image            varchar(600),
    digest           varchar(100),
    reason           varchar(2000),
    requested_by     varchar(40)   not null,
    created_at       timestamptz   not null,
    started_at       timestamptz,
    finished_at      timestamptz,
    cancel_requested boolean       not null default false,
    -- a running build's runner touches this every few seconds; a build whose heartbeat stopped was cut
    -- off (its Slipway instance stopped) and is marked INTERRUPTED by whichever instance notices first
    heartbeat_at     timestamptz,
    version          bigint        not null default 0,
    unique (app_id, number)
);
create index builds_queued on builds (id) where status = 'QUEUED';
create index builds_running on builds (app_id) where status = 'RUNNING';

-- The build's output, masked before it is stored: secrets known to Slipway never reach this table.
create table build_log_lines (
    build_id bigint        not null references builds (id) on delete cascade,
    line_no  integer       not null,
    line     varchar(4000) not null,
    primary key (build_id, line_no)
);
