package dev.slipway.metrics;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.kubernetes.Labels;
import dev.slipway.kubernetes.WorkloadObserver;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseView;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.sandbox.SimulatedMetrics;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Samples, every few seconds, what the sandbox's apps would report to Prometheus: per release, the
 * pods the simulated kubelet runs (ready, restarts) and the request metrics its sandbox behaviour
 * gives. The charts of a sandbox environment read these samples; a real environment's come from its
 * Prometheus. Samples older than a day are deleted.
 */
@Component
class SandboxMetricsRecorder implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SandboxMetricsRecorder.class);
    static final Duration KEPT = Duration.ofDays(1);

    private final ReleaseService releases;
    private final EnvironmentService environments;
    private final AppService apps;
    private final WorkloadObserver observer;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration every;
    private @Nullable ScheduledExecutorService timer;

    SandboxMetricsRecorder(ReleaseService releases, EnvironmentService environments, AppService apps,
                           WorkloadObserver observer, JdbcClient jdbc, Clock clock,
                           @Value("${slipway.sandbox.metrics-every:5s}") Duration every) {
        this.releases = releases;
        this.environments = environments;
        this.apps = apps;
        this.observer = observer;
        this.jdbc = jdbc;
        this.clock = clock;
        this.every = every;
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sandbox-metrics").daemon().factory());
        timer.scheduleWithFixedDelay(this::sampleQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException e) {
            // the database or the sandbox is briefly away (start, stop): the next round samples again
            log.debug("Could not sample the sandbox's metrics: {}", e.getMessage());
        }
    }

    /** One round: a sample per running app and release in every sandbox environment. */
    void sample() {
        Instant now = clock.instant();
        Map<Long, EnvironmentView> sandboxes = environments.list().stream().filter(EnvironmentView::simulated)
                .collect(Collectors.toMap(e -> environments.idOf(e.name()), e -> e));
        for (ReleaseView running : releases.allRunning()) {
            EnvironmentView environment = sandboxes.get(running.environmentId());
            if (environment != null) {
                sample(running, environment, now);
            }
        }
        jdbc.sql("delete from metric_samples where sampled_at < ?").param(Timestamp.from(now.minus(KEPT))).update();
    }

    private void sample(ReleaseView running, EnvironmentView environment, Instant now) {
        AppRef app = apps.ref(running.appId());
        String namespace = environment.namespaceFor(app.team(), app.name());
        if (!observer.watch(environment.cluster())) {
            return;
        }
        Map<String, List<Pod>> byRelease = observer.pods(environment.cluster(), namespace, app.name(), environment.name())
                .stream().filter(p -> p.getMetadata().getLabels() != null
                        && p.getMetadata().getLabels().get(Labels.RELEASE) != null)
                .collect(Collectors.groupingBy(p -> p.getMetadata().getLabels().get(Labels.RELEASE)));
        byRelease.forEach((number, pods) -> {
            int release = Integer.parseInt(number);
            SandboxBehaviour behaviour = releases.get(running.appId(), running.environmentId(), release).sandboxBehaviour();
            int ready = (int) pods.stream().filter(SandboxMetricsRecorder::ready).count();
            int restarts = pods.stream().mapToInt(SandboxMetricsRecorder::restarts).sum();
            new SimulatedMetrics(behaviour).sample(ready, pods.size()).ifPresent(s -> jdbc.sql(
                    "insert into metric_samples (app_id, environment_id, release, sampled_at, request_rate, error_rate,"
                            + " p50_latency, p99_latency, cpu_cores, memory_bytes, restarts, ready_pods)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing")
                    .params(running.appId(), running.environmentId(), release, Timestamp.from(now), s.requestRate(),
                            nanToNull(s.errorRate()), nanToNull(s.p50Latency()), nanToNull(s.p99Latency()), s.cpuCores(),
                            s.memoryBytes(), restarts, ready)
                    .update());
        });
    }

    private static @Nullable Double nanToNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions()
                .stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int restarts(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? 0
                : pod.getStatus().getContainerStatuses().stream().map(ContainerStatus::getRestartCount)
                .filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
    }
}
