package dev.slipway.rollouts;

import dev.slipway.kubernetes.WorkloadListener;
import dev.slipway.kubernetes.WorkloadObserver;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells whoever watches an app in an environment (a browser page, through server push) that something
 * changed: a rollout moved, or the cluster reported a change to the app's objects. Watchers then read
 * the state again through {@link DeployService}, with their own user's rights.
 */
@Component
public class RolloutUpdates implements WorkloadListener {

    private static final Logger log = LoggerFactory.getLogger(RolloutUpdates.class);

    /** Stops the notifications of one watcher. */
    public interface Subscription {
        void cancel();
    }

    private record Key(String app, String environment) {
    }

    private final WorkloadObserver observer;
    private final ConcurrentHashMap<Key, Set<Runnable>> watchers = new ConcurrentHashMap<>();

    RolloutUpdates(WorkloadObserver observer) {
        this.observer = observer;
    }

    @PostConstruct
    void listen() {
        observer.addListener(this);
    }

    @PreDestroy
    void stopListening() {
        observer.removeListener(this);
    }

    /**
     * Calls {@code onChange} whenever the app's rollout or workload in the environment changes. It runs on
     * a Slipway thread and must return quickly (a UI hands it to its own session).
     */
    public Subscription subscribe(String app, String environment, Runnable onChange) {
        Key key = new Key(app, environment);
        watchers.computeIfAbsent(key, k -> new CopyOnWriteArraySet<>()).add(onChange);
        return () -> watchers.computeIfPresent(key, (k, set) -> {
            set.remove(onChange);
            return set.isEmpty() ? null : set;
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void onRolloutChanged(RolloutChanged changed) {
        notify(new Key(changed.app(), changed.environment()));
    }

    @Override
    public void changed(String cluster, String namespace, String app, String environment) {
        notify(new Key(app, environment));
    }

    private void notify(Key key) {
        Set<Runnable> set = watchers.get(key);
        if (set == null) {
            return;
        }
        for (Runnable watcher : set) {
            try {
                watcher.run();
            } catch (RuntimeException e) {
                log.debug("A watcher of {} in {} failed: {}", key.app(), key.environment(), e.getMessage());
            }
        }
    }
}
