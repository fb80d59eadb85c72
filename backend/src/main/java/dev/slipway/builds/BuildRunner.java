package dev.slipway.builds;

import dev.slipway.apps.AppRef;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppView;
import dev.slipway.apps.RepositoryUrls;
import dev.slipway.registries.PushTarget;
import dev.slipway.config.ConfigService;
import dev.slipway.rollouts.DeployService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes builds off the queue in PostgreSQL and runs them: at most {@code concurrency} at once, one per
 * app at a time in the order they were queued. Each build is checkout, project build, image push, with its
 * output masked and stored as it comes. A build cut off by a stop is marked INTERRUPTED at the next start.
 */
@Component
class BuildRunner implements SmartLifecycle {

    private static final Logger logger = LoggerFactory.getLogger(BuildRunner.class);
    /** Other Slipway instances queue builds too; without an event from them, look every few seconds. */
    private static final Duration POLL = Duration.ofSeconds(3);
    /** How often running builds are touched; six missed beats and a build counts as cut off. */
    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final BuildRepository builds;
    private final BuildLog log;
    private final AppService apps;
    private final ConfigService configs;
    private final DeployService deploys;
    private final BuildService buildService;
    private final DeployKeyService deployKeys;
    private final BuildProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Semaphore slots;
    private final Semaphore wake = new Semaphore(0);
    private final java.util.Set<Long> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private long lastBeat;
    private ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private Thread dispatcher;

    BuildRunner(BuildRepository builds, BuildLog log, AppService apps, ConfigService configs, DeployService deploys,
                BuildService buildService, DeployKeyService deployKeys, BuildProperties properties,
                PlatformTransactionManager transactionManager, Clock clock) {
        this.deployKeys = deployKeys;
        this.deploys = deploys;
        this.buildService = buildService;
        this.builds = builds;
        this.log = log;
        this.apps = apps;
        this.configs = configs;
        this.properties = properties;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.slots = new Semaphore(Math.max(1, properties.concurrency()));
    }

    /**
     * Running builds whose runner stopped touching them never finish: their Slipway instance stopped. Say
     * so instead of showing them as running. Builds of other live instances keep their heartbeat fresh
     * and are left alone, so several replicas on one database do not interrupt each other.
     */
    void markInterrupted() {
        Instant cutoff = clock.instant().minus(HEARTBEAT.multipliedBy(6));
        transactions.executeWithoutResult(status -> builds.findByStatusAndHeartbeatAtBefore(BuildStatus.RUNNING, cutoff)
                .forEach(build -> build.finish(BuildStatus.INTERRUPTED,
                        "Slipway stopped while this build ran; start it again", clock.instant())));
    }

    /** Tells the other instances that this one's builds still run. */
    private void heartbeat() {
        if (!inFlight.isEmpty()) {
            transactions.executeWithoutResult(status -> builds.touch(List.copyOf(inFlight), clock.instant()));
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void queued(BuildQueued event) {
        wake.release();
    }

    @Override
    public void start() {
        markInterrupted();
        running = true;
        workers = Executors.newVirtualThreadPerTaskExecutor();
        dispatcher = Thread.ofPlatform().name("build-dispatcher").daemon().start(this::dispatch);
    }

    @Override
    public void stop() {
        running = false;
        wake.release();
        workers.shutdownNow();
        try {
            workers.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void dispatch() {
        while (running) {
            try {
                wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                if (System.nanoTime() - lastBeat > HEARTBEAT.toNanos()) {
                    lastBeat = System.nanoTime();
                    heartbeat();
                    markInterrupted();
                }
                while (running && slots.tryAcquire()) {
                    Build claimed = transactions.execute(status -> builds.claimNext().map(build -> {
                        build.started(clock.instant());
                        return build;
                    }).orElse(null));
                    if (claimed == null) {
                        slots.release();
                        break;
                    }
                    long id = claimed.id();
                    inFlight.add(id);
                    workers.submit(() -> {
                        try {
                            run(id);
                        } finally {
                            inFlight.remove(id);
                            slots.release();
                            wake.release();
                        }
                    });
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                logger.error("The build queue could not be read; trying again in {}", POLL, e);
            }
        }
    }

    private void run(long buildId) {
        Build build = builds.findById(buildId).orElseThrow();
        AppRef app = apps.ref(build.appId());
        AppView settings = apps.view(build.appId());
        Path workspace = properties.workDir().resolve("workspaces").resolve(Long.toString(buildId));
        LogSink sink = new LogSink(buildId);
        // failure reasons go through the mask too: a registry's error may quote what it was sent
        SecretMask mask = SecretMask.none();
        try {
            List<BuildService.Destination> destinations = buildService.destinations();
            if (destinations.isEmpty()) {
                finish(sink, buildId, BuildStatus.FAILED, "no registry is configured for images: a platform admin"
                        + " chooses one per environment under Admin > Registries, or an operator sets"
                        + " SLIPWAY_BUILD_REGISTRY");
                return;
            }
            String url = String.valueOf(settings.repositoryUrl());
            java.util.Optional<String> token = buildService.repositoryToken(build.appId());
            GitCheckout.Access access = RepositoryUrls.isSsh(url)
                    ? deployKeys.sshAccess(build.appId()).orElse(GitCheckout.Access.anonymous())
                    : GitCheckout.Access.token(token.orElse(null));
            List<String> secrets = new ArrayList<>(configs.secretValuesOfApp(build.appId()));
            token.ifPresent(secrets::add);
            // registry passwords are the platform's, and build logs are read by every member of the team
            destinations.stream().map(d -> d.target().password()).filter(java.util.Objects::nonNull)
                    .forEach(secrets::add);
            mask = new SecretMask(secrets);
            SecretMask lines = mask;
            sink.accept("Slipway: building " + app.name() + " #" + build.number() + " from " + settings.repositoryUrl()
                    + " (" + build.branch() + (build.requestedCommit() == null ? "" : " at " + build.requestedCommit()) + ")");
            if (RepositoryUrls.isSsh(url) && access.deployKey() == null) {
                throw new IOException(url + " is fetched over ssh, and " + app.name() + " has no deploy key. A"
                        + " maintainer makes one on the app's Builds page and adds its public key to the repository.");
            }
            GitCheckout.Checkout checkout = GitCheckout.checkout(properties.workDir().resolve("git")
                    .resolve(build.appId() + ".git"), url, build.branch(), build.requestedCommit(), access, workspace);
            if (checkout.hostKey() != null && !checkout.hostKey().equals(access.knownHostKey())) {
                deployKeys.rememberHostKey(build.appId(), checkout.hostKey());
                sink.accept("Slipway: trusting the ssh host key " + SshKeys.hostKeyFingerprint(checkout.hostKey())
                        + " of " + url + " from now on (first fetch from this server)");
            }
            update(buildId, b -> b.checkedOut(checkout.commit(), checkout.author(), checkout.message()));
            sink.accept("Slipway: commit " + checkout.commit() + " by " + checkout.author() + ": " + checkout.message());

            ProjectBuild.Result result = ProjectBuild.run(ProjectBuild.detect(workspace, properties.memoryMb()),
                    properties.timeout(), mask, sink, everySecond(() -> cancelRequested(buildId)));
            switch (result.outcome()) {
                case SUCCEEDED -> sink.accept("Slipway: build finished in " + result.took().toSeconds() + " s");
                case CANCELLED -> {
                    if (Thread.currentThread().isInterrupted()) {
                        finish(sink, buildId, BuildStatus.INTERRUPTED, "Slipway stopped while this build ran; start it"
                                + " again");
                    } else {
                        finish(sink, buildId, BuildStatus.CANCELLED, "cancelled while building");
                    }
                    return;
                }
                case FAILED, TIMED_OUT -> {
                    finish(sink, buildId, BuildStatus.FAILED, mask.apply(result.detail()));
                    return;
                }
            }
            // one image, pushed to each registry an environment takes images from; the layers come from the
            // local cache after the first push, and the same content gives the same digest everywhere
            ImageAssembler.Image first = null;
            for (BuildService.Destination destination : destinations) {
                PushTarget registry = destination.target();
                String target = registry.address() + "/" + app.team() + "/" + app.name() + ":"
                        + checkout.commit().substring(0, 12);
                sink.accept("Slipway: assembling the image " + target + " on " + properties.baseImage() + " (for "
                        + String.join(", ", destination.environments()) + ")");
                ImageAssembler.Image image = ImageAssembler.assemble(workspace, new ImageAssembler.Request(properties.baseImage(), target,
                                registry.username(), registry.password(), registry.insecure(),
                                properties.workDir().resolve("jib-cache"), Map.of(
                                        "org.opencontainers.image.revision", checkout.commit(),
                                        "org.opencontainers.image.source", String.valueOf(settings.repositoryUrl()))),
                        line -> sink.accept(lines.apply(line)));
                buildService.recordImage(buildId, registry.address(), image.pinned());
                sink.accept("Slipway: pushed " + image.pinned());
                first = first == null ? image : first;
            }
            sink.flush();
            // the list shows the image in the first environment's registry; deploys ask for their own
            ImageAssembler.Image shown = java.util.Objects.requireNonNull(first);
            update(buildId, b -> b.succeeded(shown.pinned(), shown.digest(), clock.instant()));
            autoDeploy(builds.findById(buildId).orElseThrow(), app, sink);
        } catch (IOException | IllegalArgumentException e) {
            finish(sink, buildId, BuildStatus.FAILED, mask.apply(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finish(sink, buildId, BuildStatus.INTERRUPTED, "Slipway stopped while this build ran; start it again");
        } catch (RuntimeException e) {
            logger.error("Build {} failed unexpectedly", buildId, e);
            finish(sink, buildId, BuildStatus.FAILED, "Slipway failed: " + mask.apply(String.valueOf(e.getMessage())));
        } finally {
            delete(workspace);
        }
    }

    /** A failed auto-deploy (a rollout already in flight, say) does not make the build fail. */
    private void autoDeploy(Build build, AppRef app, LogSink sink) {
        for (String environment : buildService.autoDeployTargets(build.appId(), build.branch())) {
            try {
                String image = buildService.imageFor(build, environment).orElseThrow(() -> new IllegalStateException(
                        buildService.noImageBecause(build, environment)));
                var rollout = deploys.deployAutomatically(build.appId(), environment, image, "auto-deploy of build #"
                        + build.number() + " (" + build.branch() + ")");
                sink.accept("Slipway: auto-deploy to " + environment + " started: v" + rollout.release());
            } catch (RuntimeException e) {
                logger.warn("Auto-deploy of {} build #{} to {} failed: {}", app.name(), build.number(), environment,
                        e.getMessage());
                sink.accept("Slipway: auto-deploy to " + environment + " failed: " + e.getMessage());
            }
        }
        sink.flush();
    }

    private void finish(LogSink sink, long buildId, BuildStatus status, String why) {
        sink.accept("Slipway: " + status.name().toLowerCase() + ": " + why);
        sink.flush();
        update(buildId, b -> b.finish(status, why, clock.instant()));
    }

    private void update(long buildId, java.util.function.Consumer<Build> change) {
        transactions.executeWithoutResult(status -> change.accept(builds.findById(buildId).orElseThrow()));
    }

    private boolean cancelRequested(long buildId) {
        return Boolean.TRUE.equals(transactions.execute(status ->
                builds.findById(buildId).map(Build::cancelRequested).orElse(true)));
    }

    /** Asks the database at most once a second; the build loop asks five times as often. */
    private static java.util.function.BooleanSupplier everySecond(java.util.function.BooleanSupplier question) {
        long[] askedAt = {0};
        boolean[] answer = {false};
        return () -> {
            if (!answer[0] && System.nanoTime() - askedAt[0] > Duration.ofSeconds(1).toNanos()) {
                askedAt[0] = System.nanoTime();
                answer[0] = question.getAsBoolean();
            }
            return answer[0];
        };
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            logger.warn("Could not delete the workspace {}: {}", directory, e.getMessage());
        }
    }

    /** Collects lines and stores them in batches, so a chatty build does not write one row at a time. */
    private final class LogSink implements java.util.function.Consumer<String> {

        private final long buildId;
        private final List<String> pending = new ArrayList<>();
        private int next;
        private long lastFlush = System.nanoTime();

        LogSink(long buildId) {
            this.buildId = buildId;
        }

        @Override
        public synchronized void accept(String line) {
            pending.add(line);
            if (pending.size() >= 50 || System.nanoTime() - lastFlush > Duration.ofMillis(250).toNanos()) {
                flush();
            }
        }

        synchronized void flush() {
            log.append(buildId, next, pending);
            next += pending.size();
            pending.clear();
            lastFlush = System.nanoTime();
        }
    }
}
