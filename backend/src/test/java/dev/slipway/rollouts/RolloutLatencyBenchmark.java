package dev.slipway.rollouts;

import static org.awaitility.Awaitility.await;

import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigService;
import dev.slipway.kubernetes.InstrumentedClients;
import dev.slipway.kubernetes.InstrumentedClientsConfiguration;
import dev.slipway.kubernetes.WorkloadListener;
import dev.slipway.kubernetes.WorkloadObserver;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Not a test: a benchmark that prints numbers (it asserts nothing and is left out of the normal test
 * run). Measures, against the sandbox, how quickly the engine acts on what the cluster reports and how
 * many Kubernetes API requests a rolling rollout costs:
 *
 * <pre>./mvnw -pl backend test -Dtest=RolloutLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Output lines start with [benchmark]; with surefire's redirect they land in
 * backend/target/surefire-reports/dev.slipway.rollouts.RolloutLatencyBenchmark-output.txt.
 */
@SlipwayTest
@Import({InstrumentedClientsConfiguration.class, RolloutLatencyBenchmark.Decisions.class})
class RolloutLatencyBenchmark {

    static final int HEALTHY_ROLLOUTS = 20;
    static final int CRASHING_ROLLOUTS = 10;

    /** When each rollout's decisions were committed (System.nanoTime). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Decisions {

        final Map<Long, List<Long>> committed = new ConcurrentHashMap<>();

        @Bean
        Decisions decisions() {
            return this;
        }

        @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
        void committed(RolloutChanged changed) {
            committed.computeIfAbsent(changed.rolloutId(), id -> Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime());
        }
    }

    @Autowired
    DeployService deploys;
    @Autowired
    ConfigService config;
    @Autowired
    InstrumentedClients clients;
    @Autowired
    WorkloadObserver observer;
    @Autowired
    Decisions decisions;
    @Autowired
    Fixtures fixtures;

    @Test
    void measure() {
        String team = fixtures.team();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        // When Slipway's informer first showed each app's rollout as finished (healthy) or crashing.
        Map<String, Long> convergedSeen = new ConcurrentHashMap<>();
        Map<String, Long> crashSeen = new ConcurrentHashMap<>();
        WorkloadListener watcher = (cluster, namespace, app, environment) -> {
            long now = System.nanoTime();
            observer.deployment(cluster, namespace, app)
                    .filter(d -> Workloads.converged(d, Workloads.templateRelease(d).orElse(-1)))
                    .ifPresent(d -> convergedSeen.putIfAbsent(app + "/v" + Workloads.templateRelease(d).orElseThrow(), now));
            observer.pods(cluster, namespace, app, environment).stream()
                    .filter(p -> Workloads.waitingReason(p).filter("CrashLoopBackOff"::equals).isPresent())
                    .forEach(p -> crashSeen.putIfAbsent(app, now));
        };
        observer.addListener(watcher);
        try {
            List<Double> readyToDecision = new ArrayList<>();
            List<Integer> requestsPerRollout = new ArrayList<>();
            List<Integer> writesPerRollout = new ArrayList<>();
            for (int i = 0; i < HEALTHY_ROLLOUTS; i++) {
                String app = fixtures.app(team).name();
                clients.forgetSent();
                RolloutView rollout = awaitFinished(developer, app,
                        deploys.deploy(developer, app, "dev", new DeployRequest("registry.example.com/b:1", null)));
                List<InstrumentedClients.Sent> sent = clients.sent();
                requestsPerRollout.add(sent.size());
                writesPerRollout.add((int) sent.stream().filter(InstrumentedClients.Sent::write).count());
                long seen = convergedSeen.get(app + "/v1");
                List<Long> commits = decisions.committed.get(rollout.id());
                readyToDecision.add((commits.getLast() - seen) / 1e6);
            }

            // the same with a variable and a secret: a ConfigMap and a Secret to ensure, old ones to clean up
            List<Integer> requestsWithConfig = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String app = fixtures.app(team).name();
                config.change(developer, app, "dev", new ConfigChange(Map.of("MODE", "bench"), Map.of("TOKEN", "t"), null, null));
                clients.forgetSent();
                awaitFinished(developer, app, deploys.deploy(developer, app, "dev",
                        new DeployRequest("registry.example.com/b:1", null)));
                requestsWithConfig.add(clients.sent().size());
            }

            List<Double> crashToRollbackWrite = new ArrayList<>();
            for (int i = 0; i < CRASHING_ROLLOUTS; i++) {
                String app = fixtures.app(team).name();
                awaitFinished(developer, app, deploys.deploy(developer, app, "dev",
                        new DeployRequest("registry.example.com/b:1", null)));
                clients.forgetSent();
                awaitFinished(developer, app, deploys.deploy(developer, app, "dev",
                        new DeployRequest("registry.example.com/b:2", SandboxBehaviour.CRASH_LOOP)));
                long seen = crashSeen.get(app);
                long write = clients.sent().stream()
                        .filter(s -> s.write() && s.path().contains("/deployments/" + app) && s.nanos() >= seen)
                        .mapToLong(InstrumentedClients.Sent::nanos).min().orElseThrow();
                crashToRollbackWrite.add((write - seen) / 1e6);
            }

            clients.forgetSent();
            await().pollDelay(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(11)).until(() -> true);
            int idleRequests = clients.sent().size();

            System.out.printf("[benchmark] ready pods reported -> rollout marked succeeded: median %.1f ms, p90 %.1f ms,"
                    + " max %.1f ms (%d rollouts)%n", percentile(readyToDecision, 50), percentile(readyToDecision, 90),
                    Collections.max(readyToDecision), readyToDecision.size());
            System.out.printf("[benchmark] crash-loop reported -> rollback Deployment written: median %.1f ms, p90 %.1f ms,"
                    + " max %.1f ms (%d rollouts)%n", percentile(crashToRollbackWrite, 50),
                    percentile(crashToRollbackWrite, 90), Collections.max(crashToRollbackWrite), crashToRollbackWrite.size());
            System.out.printf("[benchmark] Kubernetes API requests per rolling rollout: median %d (writes %d), all: %s%n",
                    median(requestsPerRollout), median(writesPerRollout), requestsPerRollout);
            System.out.printf("[benchmark] ... with a variable and a secret (ConfigMap, Secret, clean-up): median %d, all: %s%n",
                    median(requestsWithConfig), requestsWithConfig);
            System.out.printf("[benchmark] requests in 10 s with no rollout in flight: %d%n", idleRequests);
        } finally {
            observer.removeListener(watcher);
        }
    }

    private RolloutView awaitFinished(Actor actor, String app, RolloutView rollout) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !deploys.rollout(actor, app, "dev", rollout.id()).phase().active());
        return deploys.rollout(actor, app, "dev", rollout.id());
    }

    private static double percentile(List<Double> values, int percent) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static int median(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().collect(Collectors.toList());
        return sorted.get(sorted.size() / 2);
    }
}
