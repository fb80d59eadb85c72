package dev.slipway.webhooks;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppView;
import dev.slipway.builds.BuildService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns verified pushes, stored as {@link DeliveryOutcome#BUILD_PENDING} while the provider got its
 * answer, into builds. When several pushes of one branch wait, only the newest is built, as a CI server
 * coalesces a burst of pushes: its commit contains the others, and the older deliveries name the build
 * that covers them. Pending rows survive a restart and are settled when Slipway starts; replicas share
 * the work by skipping rows another one holds.
 */
@Component
class PendingPushes implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(PendingPushes.class);
    /** How often pending rows are looked for without a wake-up: pushes answered by another replica. */
    private static final Duration POLL = Duration.ofSeconds(2);
    /**
     * How long a woken worker waits before settling, like a CI server's quiet period: the pushes of a
     * burst arrive within it and become one build instead of one each.
     */
    private static final Duration QUIET = Duration.ofMillis(250);

    private final WebhookStore deliveries;
    private final AppService apps;
    private final BuildService builds;
    private final TransactionTemplate transactions;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    PendingPushes(WebhookStore deliveries, AppService apps, BuildService builds,
                  PlatformTransactionManager transactionManager) {
        this.deliveries = deliveries;
        this.apps = apps;
        this.builds = builds;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * A push was stored as pending; settle it now rather than at the next poll. Inside a transaction (a
     * redelivery) only once it commits, or the worker would look before the row can be seen.
     */
    void wake() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake.release();
                }
            });
        } else {
            wake.release();
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("webhook-pushes").daemon().start(this::work);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        try {
            worker.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work() {
        while (running) {
            try {
                if (wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                    Thread.sleep(QUIET);
                }
                wake.drainPermits();
                // what arrives while this pass runs waits for the next one, after its own quiet period
                long upTo = deliveries.newestPending();
                while (running && upTo > 0 && settleOneBranch(upTo)) {
                    // next branch
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // a worker thread that ended would settle nothing until Slipway restarts
                logger.error("Pending webhook pushes could not be settled; trying again in {}", POLL, e);
            }
        }
    }

    /**
     * Settles the pending pushes of the branch that has waited longest, up to the given delivery.
     *
     * @return false when nothing was pending
     */
    boolean settleOneBranch(long upTo) {
        List<WebhookStore.Pending> claimed = new ArrayList<>();
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                claimed.addAll(deliveries.claimOldestBranch(upTo));
                if (claimed.isEmpty()) {
                    return false;
                }
                settle(claimed);
                return true;
            }));
        } catch (TransientDataAccessException | DataAccessResourceFailureException | CannotCreateTransactionException e) {
            // the database is busy or away: the claimed rows went back to pending with the rollback and are
            // settled on a later pass, not given up on
            throw e;
        } catch (RuntimeException e) {
            if (claimed.isEmpty()) {
                throw e; // nothing claimed means nothing to give up on; the worker waits a poll and tries again
            }
            // one push that cannot be queued must not hold up the others: it is settled as not built, and
            // the team reads why where it looks
            logger.warn("Pushes {} could not be queued as a build", claimed.stream().map(WebhookStore.Pending::id).toList(), e);
            String why = "Slipway could not queue the build (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + "). Start a build on the app's Builds page, or push a new commit.";
            transactions.executeWithoutResult(status -> claimed.forEach(push -> deliveries.settle(push.id(),
                    DeliveryOutcome.NOT_BUILT, why, null)));
            return true;
        }
    }

    private void settle(List<WebhookStore.Pending> pushes) {
        WebhookStore.Pending newest = pushes.getLast();
        // one settling per branch at a time, across replicas: without it an older push settled late (a
        // replica's claim, or a row committed after this pass read its range) would queue a build that
        // cancels the newer push's build as superseded
        deliveries.lockBranch(newest.appId(), newest.ref());
        Optional<WebhookStore.Queued> newer = deliveries.queuedAfter(newest);
        if (newer.isPresent()) {
            pushes.forEach(push -> deliveries.settle(push.id(), DeliveryOutcome.SUPERSEDED, coveredBy(newest.branch(),
                    newer.get().commit(), newer.get().build()), newer.get().build()));
            return;
        }
        Optional<String> unavailable = builds.unavailableBecause();
        if (unavailable.isPresent()) {
            pushes.forEach(push -> deliveries.settle(push.id(), DeliveryOutcome.NOT_BUILT, unavailable.get(), null));
            return;
        }
        AppView app = apps.view(newest.appId());
        if (!newest.branch().equals(app.branch())) {
            // the app's source changed between the answer and now; the push was checked against the old one
            String why = app.branch() == null ? "the app was switched to deploying prebuilt images before the build"
                    + " was queued" : "the app's branch was changed to " + app.branch() + " before the build was queued";
            pushes.forEach(push -> deliveries.settle(push.id(), DeliveryOutcome.IGNORED, why, null));
            return;
        }
        AppRef ref = apps.ref(newest.appId());
        int build = builds.startForWebhook(ref, newest.branch(), newest.commit(), newest.provider().path()).number();
        deliveries.settle(newest.id(), DeliveryOutcome.BUILD_QUEUED, "build #" + build + " queued", build);
        for (WebhookStore.Pending older : pushes.subList(0, pushes.size() - 1)) {
            deliveries.settle(older.id(), DeliveryOutcome.SUPERSEDED, coveredBy(newest.branch(), newest.commit(), build),
                    build);
        }
    }

    private static String coveredBy(String branch, String commit, int build) {
        return "a newer push to " + branch + " (" + commit.substring(0, 7) + ") arrived before this one was queued;"
                + " build #" + build + " builds it, with this commit's changes if they are on the branch";
    }

    @Override
    public int getPhase() {
        // stops after the web server, so pushes answered during a graceful shutdown are still queued
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
