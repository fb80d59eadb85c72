package dev.slipway.webhooks;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the kept requests bounded ({@link WebhookStore#forgetOldRequests}) off the path a provider waits
 * on: pruning in the request doubled the time a delivery took to answer (3.4 to 7.4 ms one at a time,
 * p99 at 200 deliveries/s from 240 to 540 ms in BuildWebhookBenchmark). Apps that received a delivery
 * are noted and pruned within a second, so an app holds at most what arrives in that second beyond its
 * limit. An app noted by a replica that stops is pruned after its next delivery.
 */
@Component
class OldRequests implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(OldRequests.class);
    private static final long EVERY_MILLIS = 1000;

    private final WebhookStore store;
    private final Set<Long> received = ConcurrentHashMap.newKeySet();
    private volatile ScheduledExecutorService pruner;

    OldRequests(WebhookStore store) {
        this.store = store;
    }

    /** The app stored a delivery with its request. */
    void received(long appId) {
        received.add(appId);
    }

    /** Drops what the noted apps keep beyond their limit; also run on its own by the background thread. */
    void prune() {
        for (Long appId : List.copyOf(received)) {
            received.remove(appId);
            try {
                store.forgetOldRequests(appId);
            } catch (RuntimeException e) {
                // the next delivery of the app notes it again; until then it keeps a few requests more
                logger.warn("Old webhook requests of app {} could not be dropped", appId, e);
            }
        }
    }

    @Override
    public void start() {
        pruner = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("webhook-requests").daemon()
                .factory());
        pruner.scheduleWithFixedDelay(this::prune, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        pruner.shutdown();
        try {
            pruner.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return pruner != null && !pruner.isShutdown();
    }

    @Override
    public int getPhase() {
        // stops after the web server, with the deliveries it answered during a graceful shutdown noted
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
