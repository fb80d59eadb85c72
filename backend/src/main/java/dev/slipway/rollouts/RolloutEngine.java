package dev.slipway.rollouts;

import dev.slipway.kubernetes.WorkloadListener;
import dev.slipway.kubernetes.WorkloadObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Decides when reconcile passes run. Passes are triggered by the cluster (an informer reports a change to
 * an object Slipway labelled), by time (a deadline or retry a pass asked for), by users (a committed
 * command), and by a periodic resync that catches anything missed. Passes of different rollouts run one
 * after the other on one worker thread; requests for a rollout that is already queued are merged.
 *
 * <p>Because all state is in PostgreSQL, an engine that starts (or restarts, or runs beside another on
 * the same database) simply resyncs and continues where the rollouts stand.
 */
@Component
class RolloutEngine implements SmartLifecycle, WorkloadListener {

    private static final Logger log = LoggerFactory.getLogger(RolloutEngine.class);

    private final RolloutPass pass;
    private final RolloutRepository rollouts;
    private final WorkloadObserver observer;
    private final EngineProperties properties;
    private final Clock clock;
    private final Set<Long> queued = ConcurrentHashMap.newKeySet();
    /** One timer per rollout: each pass says when to look again, and only its latest answer counts. */
    private final Map<Long, ScheduledFuture<?>> wakeUps = new ConcurrentHashMap<>();
    private @Nullable ExecutorService worker;
    private @Nullable ScheduledExecutorService timers;
    private volatile boolean running;

    RolloutEngine(RolloutPass pass, RolloutRepository rollouts, WorkloadObserver observer, EngineProperties properties,
                  Clock clock) {
        this.pass = pass;
        this.rollouts = rollouts;
        this.observer = observer;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("rollout-engine").daemon().factory());
        timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("rollout-timers").daemon().factory());
        running = true;
        observer.addListener(this);
        timers.scheduleWithFixedDelay(this::resync, 0, properties.resync().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        observer.removeListener(this);
        if (timers != null) {
            timers.shutdownNow();
        }
        if (worker != null) {
            worker.shutdown();
            try {
                // let a pass in progress commit; the next engine resumes from there
                worker.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker.shutdownNow();
        }
        queued.clear();
        wakeUps.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a pass over this rollout as soon as the worker is free. */
    void enqueue(long rolloutId) {
        ExecutorService w = worker;
        if (!running || w == null || !queued.add(rolloutId)) {
            return;
        }
        w.execute(() -> runPass(rolloutId));
    }

    /** A user's command or another pass committed: look again. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRolloutChanged(RolloutChanged changed) {
        enqueue(changed.rolloutId());
    }

    /** The cluster reported a change to an app's objects (informer thread: hand over, do not block). */
    @Override
    public void changed(String cluster, String namespace, String app, String environment) {
        ExecutorService w = worker;
        if (!running || w == null) {
            return;
        }
        w.execute(() -> rollouts.findActiveId(app, environment).ifPresent(this::enqueueNow));
    }

    /** Runs right away on the worker thread it is called from, unless a pass for it is already queued. */
    private void enqueueNow(long rolloutId) {
        if (queued.add(rolloutId)) {
            runPass(rolloutId);
        }
    }

    private void runPass(long rolloutId) {
        queued.remove(rolloutId);
        if (!running) {
            return;
        }
        try {
            RolloutPass.Outcome outcome = pass.run(rolloutId);
            if (outcome.busy()) {
                later(rolloutId, clock.instant().plus(properties.busyRetry()));
            } else if (outcome.checkAgainAt() != null) {
                later(rolloutId, outcome.checkAgainAt());
            }
        } catch (RuntimeException e) {
            // A bug or the database: keep the engine alive, and try this rollout again on the next resync.
            log.error("Reconcile pass for rollout {} failed", rolloutId, e);
        }
    }

    private void later(long rolloutId, Instant when) {
        ScheduledExecutorService t = timers;
        if (t == null || !running) {
            return;
        }
        long delay = Math.max(0, Duration.between(clock.instant(), when).toMillis());
        ScheduledFuture<?> wakeUp = t.schedule(() -> {
            wakeUps.remove(rolloutId);
            enqueue(rolloutId);
        }, delay, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = wakeUps.put(rolloutId, wakeUp);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /** Every rollout in flight gets a pass; nothing is asked of the API server when none is in flight. */
    private void resync() {
        try {
            rollouts.findActiveIds().forEach(this::enqueue);
        } catch (RuntimeException e) {
            log.warn("Could not list rollouts in flight for the resync: {}", e.getMessage());
        }
    }
}
