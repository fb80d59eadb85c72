package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.apps.AppService;
import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigService;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.RolloutPhase;
import dev.slipway.rollouts.RolloutView;
import dev.slipway.settings.PlatformSettings;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.registries.RegistryService;
import dev.slipway.registries.RegistrySpec;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.GitSshServer;
import dev.slipway.testing.RegistryServer;
import dev.slipway.testing.SampleProjects;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.webhooks.DeliveryOutcome;
import dev.slipway.webhooks.DeliveryView;
import dev.slipway.webhooks.WebhookProvider;
import dev.slipway.webhooks.WebhookService;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The build queue end to end, on its own Slipway (the registry is part of its settings): a sample app in
 * a bare repository, built by the runner, pushed to Debian's docker-registry, deployed to the sandbox.
 */
@SlipwayTest
class BuildServiceTest {

    static final Duration BUILD = Duration.ofSeconds(120);
    static RegistryServer registry;
    @TempDir
    static Path dir;
    static Path origin;

    @Autowired
    BuildService builds;
    @Autowired
    BuildRunner runner;
    @Autowired
    BuildRepository repository;
    @Autowired
    AppService apps;
    @Autowired
    ConfigService config;
    @Autowired
    DeployService deploys;
    @Autowired
    PlatformSettingsService settings;
    @Autowired
    WebhookService webhooks;
    @Autowired
    DeployKeyService deployKeys;
    @Autowired
    RegistryService registries;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    String team;
    String app;
    Actor developer;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) throws Exception {
        assumeTrue(RegistryServer.installed(), "needs Debian's docker-registry (.ci/run installs it)");
        registry = RegistryServer.start();
        properties.add("slipway.builds.registry", () -> registry.address() + "/slipway");
        properties.add("slipway.builds.registry-insecure", () -> "true");
        properties.add("slipway.builds.base-image", () -> "scratch");
        properties.add("slipway.builds.concurrency", () -> "2");
        origin = sampleRepository();
    }

    @AfterAll
    static void stopRegistry() throws Exception {
        if (registry != null) {
            registry.close();
        }
    }

    @BeforeEach
    void setUp() {
        // the sample repository is a local path: allowed here, as an admin could on a machine of their own
        settings.update(fixtures.bootstrapAdmin(), new PlatformSettings(true));
        team = fixtures.team();
        app = Fixtures.unique("built");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, origin.toUri().toString()));
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void a_build_pushes_an_image_pinned_to_its_digest_with_secrets_masked_and_it_deploys() {
        // "sample-app" is printed by Maven (the artifact's name): as a secret value it must never be stored
        config.change(developer, app, "dev", ConfigChange.setSecret("ARTIFACT", "sample-app"));

        BuildView build = awaitEnd(builds.start(developer, app, null, null, BuildTrigger.MANUAL));

        assertThat(build.status()).as(build.reason()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(build.commit()).hasSize(40);
        assertThat(build.author()).isEqualTo("Ana Builder");
        assertThat(build.image()).isEqualTo(registry.address() + "/slipway/" + team + "/" + app + "@" + build.digest());
        var log = builds.log(developer, app, build.number(), 0);
        assertThat(log).anyMatch(l -> l.contains("BUILD SUCCESS")).anyMatch(l -> l.contains("••••••"))
                .noneMatch(l -> l.contains("sample-app"));
        assertThat(builds.log(developer, app, build.number(), log.size() - 1)).containsExactly(log.getLast());

        RolloutView deployed = deploys.deploy(developer, app, "dev", new DeployRequest(build.image(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !deploys.rollout(developer, app, "dev", deployed.id())
                .phase().active());
        assertThat(deploys.rollout(developer, app, "dev", deployed.id()).phase()).isEqualTo(RolloutPhase.SUCCEEDED);
    }

    @Test
    void a_successful_build_deploys_itself_where_auto_deploy_is_on_and_never_to_a_protected_environment() {
        builds.setAutoDeploy(developer, app, "dev", true);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> builds.setAutoDeploy(
                fixtures.member(team, TeamRole.MAINTAINER), app, "prod", true))
                .isInstanceOf(dev.slipway.shared.ConflictException.class).hasMessageContaining("protected");
        assertThat(builds.autoDeploys(developer, app)).extracting(AutoDeployView::environment, AutoDeployView::branch)
                .contains(org.assertj.core.groups.Tuple.tuple("dev", "main"), org.assertj.core.groups.Tuple.tuple("staging", null));

        BuildView build = awaitEnd(builds.start(developer, app, null, null, BuildTrigger.MANUAL));

        assertThat(build.status()).as(build.reason()).isEqualTo(BuildStatus.SUCCEEDED);
        await().atMost(Duration.ofSeconds(30)).until(() -> deploys.status(developer, app, "dev").running() != null);
        var running = deploys.status(developer, app, "dev").running().release();
        assertThat(running.image()).isEqualTo(build.image());
        assertThat(running.createdBy()).isEqualTo("auto-deploy");
        assertThat(deploys.status(developer, app, "staging").running()).isNull();
        assertThat(builds.log(developer, app, build.number(), 0)).anyMatch(l -> l.contains("auto-deploy to dev started"));
    }

    @Test
    void an_app_fetched_over_ssh_builds_with_its_deploy_key_and_remembers_the_servers_host_key() throws Exception {
        try (GitSshServer server = GitSshServer.start(dir)) {
            String sshApp = Fixtures.unique("sshed");
            apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, sshApp, server.url(origin.getFileName().toString())));
            Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);

            BuildView withoutKey = awaitEnd(sshApp, builds.start(maintainer, sshApp, null, null, BuildTrigger.API));
            assertThat(withoutKey.status()).isEqualTo(BuildStatus.FAILED);
            assertThat(withoutKey.reason()).contains("has no deploy key").contains("Builds page");

            DeployKeyView key = deployKeys.generate(maintainer, sshApp);
            server.authorize(key.publicKey()); // what the team does in the provider's deploy key settings
            BuildView built = awaitEnd(sshApp, builds.start(maintainer, sshApp, null, null, BuildTrigger.API));

            assertThat(built.status()).as(built.reason()).isEqualTo(BuildStatus.SUCCEEDED);
            String hostKey = deployKeys.view(maintainer, sshApp).hostKeyFingerprint();
            assertThat(hostKey).startsWith("SHA256:");
            assertThat(builds.log(maintainer, sshApp, built.number(), 0))
                    .anySatisfy(line -> assertThat(line).contains("trusting the ssh host key " + hostKey));
        }
    }

    @Test
    void a_build_pushes_to_each_environments_registry_and_a_deploy_takes_the_image_from_its_own() throws Exception {
        Actor admin = fixtures.bootstrapAdmin();
        try (RegistryServer staging = RegistryServer.start()) {
            String name = Fixtures.unique("staging-registry");
            registries.create(admin, new RegistrySpec(name, staging.address() + "/staging", true, null, null));
            registries.assign(admin, "staging", name);
            try {
                BuildView built = awaitEnd(builds.start(developer, app, null, null, BuildTrigger.API));
                assertThat(built.status()).as(built.reason()).isEqualTo(BuildStatus.SUCCEEDED);

                String inDev = builds.imageFor(developer, app, built.number(), "dev");
                String inStaging = builds.imageFor(developer, app, built.number(), "staging");

                assertThat(inDev).startsWith(registry.address() + "/slipway/").endsWith("@" + built.digest());
                assertThat(inStaging).startsWith(staging.address() + "/staging/" + team + "/" + app + "@")
                        .endsWith("@" + built.digest());
                assertThat(staging.manifest("staging/" + team + "/" + app, built.digest())).contains("layers");
                assertThat(builds.imageFor(inDev, "staging")).as("what a promotion from dev to staging deploys")
                        .isEqualTo(inStaging);
                assertThat(builds.imageFor("nginx:1.27", "staging")).as("an image Slipway did not build")
                        .isEqualTo("nginx:1.27");
                RolloutView rollout = deploys.deploy(developer, app, "staging", new DeployRequest(inStaging, null));
                assertThat(rollout.release()).isPositive();
            } finally {
                registries.assign(admin, "staging", null);
            }
            int number = builds.list(developer, app).getFirst().number();
            assertThat(builds.imageFor(developer, app, number, "staging"))
                    .as("back on the platform registry, where the build was pushed too")
                    .isEqualTo(builds.imageFor(developer, app, number, "dev"));
            registries.delete(admin, name);
        }
    }

    @Test
    void a_promotion_takes_the_rebuild_that_reached_the_targets_registry_not_an_older_build_of_the_same_image()
            throws Exception {
        Actor admin = fixtures.bootstrapAdmin();
        BuildView before = awaitEnd(builds.start(developer, app, null, null, BuildTrigger.API));
        String inDev = builds.imageFor(developer, app, before.number(), "dev");
        try (RegistryServer staging = RegistryServer.start()) {
            String name = Fixtures.unique("later-registry");
            registries.create(admin, new RegistrySpec(name, staging.address() + "/later", true, null, null));
            registries.assign(admin, "staging", name);
            try {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> builds.imageFor(inDev, "staging"))
                        .hasMessageContaining("Build #" + before.number() + " was not pushed")
                        .hasMessageContaining("Build again");

                BuildView rebuilt = awaitEnd(builds.start(developer, app, null, null, BuildTrigger.API));
                assertThat(builds.imageFor(developer, app, rebuilt.number(), "dev")).as("same commit, same image")
                        .isEqualTo(inDev);

                assertThat(builds.imageFor(inDev, "staging")).as("building again, as the message said, is enough")
                        .isEqualTo(builds.imageFor(developer, app, rebuilt.number(), "staging"))
                        .startsWith(staging.address() + "/later/");
            } finally {
                registries.assign(admin, "staging", null);
                registries.delete(admin, name);
            }
        }
    }

    @Test
    void builds_of_one_app_run_in_order_and_a_queued_one_is_cancelled_at_once_a_running_one_soon() {
        BuildView first = builds.start(developer, app, null, null, BuildTrigger.API);
        BuildView second = builds.start(developer, app, null, null, BuildTrigger.API);
        await().atMost(BUILD).until(() -> builds.get(developer, app, first.number()).status() == BuildStatus.RUNNING);
        assertThat(builds.get(developer, app, second.number()).status()).as("FIFO per app").isEqualTo(BuildStatus.QUEUED);

        BuildView cancelledInQueue = builds.cancel(developer, app, second.number());
        builds.cancel(developer, app, first.number());

        assertThat(cancelledInQueue.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(cancelledInQueue.reason()).contains("before it started");
        BuildView cancelledRunning = awaitEnd(first);
        assertThat(cancelledRunning.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(builds.log(developer, app, first.number(), 0)).last().asString().contains("cancelled");
    }

    @Test
    void a_signed_push_queues_one_build_of_the_pushed_commit_even_when_delivered_twice() throws Exception {
        String secret = webhooks.rotateSecret(fixtures.member(team, TeamRole.MAINTAINER), app);
        String tip = tip();
        WebhookService.Receipt first = signedPush(secret, tip, "once-1");
        WebhookService.Receipt again = signedPush(secret, tip, "once-1");

        assertThat(first.status()).isEqualTo(202);
        assertThat(first.outcome()).as("answered before the build is queued").isEqualTo(DeliveryOutcome.BUILD_PENDING);
        assertThat(again.outcome()).isEqualTo(DeliveryOutcome.DUPLICATE);
        DeliveryView delivery = settled("once-1");
        assertThat(delivery.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(builds.list(developer, app)).singleElement().satisfies(b -> {
            assertThat(b.number()).isEqualTo(delivery.buildNumber());
            assertThat(b.trigger()).isEqualTo(BuildTrigger.WEBHOOK);
            assertThat(b.requestedCommit()).isEqualTo(tip);
            assertThat(b.requestedBy()).isEqualTo("webhook:github");
        });
        BuildView built = awaitEnd(builds.list(developer, app).getFirst());
        assertThat(built.status()).as(built.reason()).isEqualTo(BuildStatus.SUCCEEDED);
        assertThat(built.commit()).isEqualTo(tip);
    }

    @Test
    void a_push_supersedes_the_queued_webhook_build_of_its_branch_but_never_a_manual_or_running_one() throws Exception {
        String secret = webhooks.rotateSecret(fixtures.member(team, TeamRole.MAINTAINER), app);
        String tip = tip();
        BuildView running = builds.start(developer, app, null, null, BuildTrigger.API);
        await().atMost(BUILD).until(() -> builds.get(developer, app, running.number()).status() == BuildStatus.RUNNING);
        BuildView manual = builds.start(developer, app, null, null, BuildTrigger.API);

        signedPush(secret, tip, "burst-1");
        int older = java.util.Objects.requireNonNull(settled("burst-1").buildNumber());
        signedPush(secret, tip, "burst-2");
        int newer = java.util.Objects.requireNonNull(settled("burst-2").buildNumber());

        BuildView superseded = builds.get(developer, app, older);
        assertThat(superseded.status()).isEqualTo(BuildStatus.CANCELLED);
        assertThat(superseded.reason()).contains("superseded by #" + newer);
        assertThat(builds.get(developer, app, newer).status()).isEqualTo(BuildStatus.QUEUED);
        assertThat(builds.get(developer, app, manual.number()).status()).isEqualTo(BuildStatus.QUEUED);
        assertThat(builds.get(developer, app, running.number()).status()).isEqualTo(BuildStatus.RUNNING);

        cancelUnfinished();
    }

    @Test
    void pushes_waiting_together_become_one_build_of_the_newest_and_the_others_name_it() throws Exception {
        String secret = webhooks.rotateSecret(fixtures.member(team, TeamRole.MAINTAINER), app);
        String tip = tip();
        long appId = jdbc.queryForObject("select id from apps where name = ?", Long.class, app);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // holds the app's build numbering, so the worker queueing the first push waits while two more arrive
        // (the lock build numbering takes; a stronger one would also stop the deliveries from being stored)
        Thread holder = Thread.ofVirtual().start(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForList("select id from apps where id = ? for no key update", appId);
            locked.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        try {
            signedPush(secret, tip, "wait-1");
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%for no key update%'",
                    Integer.class) > 0);
            signedPush(secret, tip, "wait-2");
            signedPush(secret, tip, "wait-3");
        } finally {
            release.countDown();
            holder.join();
        }

        DeliveryView first = settled("wait-1");
        DeliveryView middle = settled("wait-2");
        DeliveryView last = settled("wait-3");
        assertThat(first.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(last.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(last.buildNumber()).isEqualTo(first.buildNumber() + 1);
        assertThat(middle.outcome()).isEqualTo(DeliveryOutcome.SUPERSEDED);
        assertThat(middle.buildNumber()).isEqualTo(last.buildNumber());
        assertThat(middle.reason()).contains("build #" + last.buildNumber() + " builds it");
        assertThat(builds.list(developer, app)).as("no build for the middle push").hasSize(2);

        cancelUnfinished();
    }

    @Test
    void an_older_push_settled_after_a_newer_ones_build_never_cancels_that_build() throws Exception {
        String secret = webhooks.rotateSecret(fixtures.member(team, TeamRole.MAINTAINER), app);
        String tip = tip();
        java.util.concurrent.CountDownLatch stored = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch commit = new java.util.concurrent.CountDownLatch(1);
        // the older push's row takes its id first but commits last, as a slow request's insert can
        Thread slow = Thread.ofVirtual().start(() -> transactions.executeWithoutResult(status -> {
            jdbc.update("insert into webhook_deliveries (app_id, provider, delivery_id, event, ref, commit_sha, outcome,"
                    + " reason, received_at) select id, 'GITHUB', ?, 'push', 'refs/heads/main', ?, 'BUILD_PENDING',"
                    + " 'build pending', now() from apps where name = ?", app + "/late-1", tip, app);
            stored.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(stored.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        DeliveryView newer;
        try {
            signedPush(secret, tip, "late-2");
            newer = settled("late-2");
        } finally {
            commit.countDown();
            slow.join();
        }

        DeliveryView older = settled("late-1");
        assertThat(newer.outcome()).isEqualTo(DeliveryOutcome.BUILD_QUEUED);
        assertThat(older.outcome()).isEqualTo(DeliveryOutcome.SUPERSEDED);
        assertThat(older.buildNumber()).isEqualTo(newer.buildNumber());
        assertThat(builds.list(developer, app)).singleElement().satisfies(b ->
                assertThat(b.status()).isNotEqualTo(BuildStatus.CANCELLED));

        cancelUnfinished();
    }

    @Test
    void pushes_arriving_together_each_settle_as_a_build_with_its_own_number_or_as_covered_by_a_newer_one()
            throws Exception {
        String secret = webhooks.rotateSecret(fixtures.member(team, TeamRole.MAINTAINER), app);
        String tip = tip();
        java.util.List<java.util.concurrent.Future<WebhookService.Receipt>> answers = new java.util.ArrayList<>();
        try (var senders = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                String delivery = "together-" + i;
                answers.add(senders.submit(() -> signedPush(secret, tip, delivery)));
            }
        }

        for (var answer : answers) {
            assertThat(answer.get().outcome()).isEqualTo(DeliveryOutcome.BUILD_PENDING);
        }
        java.util.List<DeliveryView> settled = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            settled.add(settled("together-" + i));
        }
        java.util.List<Integer> queued = settled.stream().filter(d -> d.outcome() == DeliveryOutcome.BUILD_QUEUED)
                .map(DeliveryView::buildNumber).toList();
        assertThat(queued).doesNotHaveDuplicates().hasSameSizeAs(builds.list(developer, app));
        assertThat(settled).allSatisfy(d -> {
            assertThat(d.outcome()).isIn(DeliveryOutcome.BUILD_QUEUED, DeliveryOutcome.SUPERSEDED);
            assertThat(queued).contains(d.buildNumber());
        });
        DeliveryView newest = settled.stream().max(java.util.Comparator.comparingLong(DeliveryView::id)).orElseThrow();
        assertThat(newest.outcome()).as("the newest push always gets a build").isEqualTo(DeliveryOutcome.BUILD_QUEUED);

        cancelUnfinished();
    }

    /** The delivery once the worker has settled it: queued as a build, or covered by a newer push's. */
    private DeliveryView settled(String deliveryId) {
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        return await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.info(viewer, app).deliveries().stream()
                        .filter(d -> (app + "/" + deliveryId).equals(d.deliveryId())
                                && d.outcome() != DeliveryOutcome.DUPLICATE)
                        .findFirst().filter(d -> d.outcome() != DeliveryOutcome.BUILD_PENDING),
                java.util.Optional::isPresent).orElseThrow();
    }

    /** Leaves no build of the app queued or running for the next test. */
    private void cancelUnfinished() {
        for (BuildView build : builds.list(developer, app)) {
            if (!build.status().finished()) {
                builds.cancel(developer, app, build.number());
            }
        }
        for (BuildView build : builds.list(developer, app)) {
            awaitEnd(build);
        }
    }

    private static String tip() throws java.io.IOException {
        try (Git git = Git.open(origin.toFile())) {
            return git.getRepository().resolve("refs/heads/main").getName();
        }
    }

    private WebhookService.Receipt signedPush(String secret, String commit, String deliveryId) throws Exception {
        byte[] body = ("{\"ref\":\"refs/heads/main\",\"after\":\"" + commit + "\",\"repository\":{\"clone_url\":\""
                + origin.toUri() + "\"}}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // delivery ids are once per app; the app's name in them keeps them apart in the log as well
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.add("X-GitHub-Event", "push");
        headers.add("X-GitHub-Delivery", app + "/" + deliveryId);
        headers.add("X-Hub-Signature-256", "sha256=" + java.util.HexFormat.of().formatHex(hmac(secret, body)));
        return webhooks.receive(WebhookProvider.GITHUB, app, headers, body);
    }

    private static byte[] hmac(String secret, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(body);
    }

    @Test
    void a_build_whose_instance_stopped_is_marked_interrupted_and_one_of_a_live_instance_is_not() {
        long appId = fixtures.appId(app);
        java.time.Instant longAgo = java.time.Instant.now().minus(Duration.ofMinutes(10));
        Build orphan = new Build(appId, 98, BuildTrigger.MANUAL, "main", null, developer.username(), longAgo);
        orphan.started(longAgo);
        repository.saveAndFlush(orphan);
        Build elsewhere = new Build(appId, 99, BuildTrigger.MANUAL, "main", null, developer.username(),
                java.time.Instant.now());
        elsewhere.started(java.time.Instant.now());
        repository.saveAndFlush(elsewhere);

        runner.markInterrupted();

        BuildView cutOff = builds.get(developer, app, 98);
        assertThat(cutOff.status()).isEqualTo(BuildStatus.INTERRUPTED);
        assertThat(cutOff.reason()).contains("Slipway stopped while this build ran");
        assertThat(builds.get(developer, app, 99).status()).as("another instance still beats for it")
                .isEqualTo(BuildStatus.RUNNING);
        repository.findById(builds.get(developer, app, 99).id()).ifPresent(repository::delete);
    }

    private BuildView awaitEnd(BuildView build) {
        return awaitEnd(app, build);
    }

    private BuildView awaitEnd(String appName, BuildView build) {
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        await().atMost(BUILD).pollInterval(Duration.ofMillis(250))
                .until(() -> builds.get(viewer, appName, build.number()).status().finished());
        return builds.get(viewer, appName, build.number());
    }

    /** The sample app, committed by "Ana Builder" into a bare repository on branch main. */
    private static Path sampleRepository() throws Exception {
        Path bare = dir.resolve("sample.git");
        SampleProjects.bareRepository("/sample-app", bare, dir.resolve("work")).close();
        return bare;
    }
}
