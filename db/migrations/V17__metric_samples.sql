-- What the sandbox's simulated apps would have reported to Prometheus, sampled every few seconds, so
-- that an environment page can chart the sandbox like a real environment. Kept for a day.
create table metric_samples (
    app_id         bigint           not null references apps (id) on delete cascade,
    environment_id bigint           not null references environments (id) on delete cascade,
    release        integer          not null,
    sampled_at     timestamptz      not null,
    request_rate   double precision not null,
    error_rate     double precision,
    p50_latency    double precision,
    p99_latency    double precision,
    cpu_cores      double precision not null,
    memory_bytes   double precision not null,
    restarts       integer          not null,
    ready_pods     integer          not null,
    primary key (app_id, environment_id, release, sampled_at)
);
create index metric_samples_age on metric_samples (sampled_at);
