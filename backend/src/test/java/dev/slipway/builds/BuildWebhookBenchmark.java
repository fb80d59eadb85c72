package dev.slipway.builds;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.apps.AppService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.RegistryServer;
import dev.slipway.testing.SampleProjects;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.webhooks.WebhookService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Prints, does not assert (run it on purpose; it is left out of ./mvnw verify):
 * <ul>
 *   <li>webhook acknowledgement latency at a steady 200 signed push deliveries per second over loopback,
 *       each answered before its build is queued. The repository is a server that accepts the fetch and
 *       stays silent, so the first build stays busy the whole time, as a real build would for minutes, and
 *       the pushes behind it are coalesced into builds of the newest one, each superseding the last;</li>
 *   <li>time and bytes of a first image assembly and push, and of the rebuild after a one-class change.</li>
 * </ul>
 * {@code ./mvnw -pl backend -am test -Dtest=BuildWebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SlipwayTest
class BuildWebhookBenchmark {

    static final int RATE = 200;
    static final int SECONDS = 10;
    static final int WARM_UP = 3000;

    @LocalServerPort
    int port;
    @Autowired
    AppService apps;
    @Autowired
    WebhookService webhooks;
    @Autowired
    Fixtures fixtures;
    @Autowired
    BuildRepository builds;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @TempDir
    Path dir;

    /** What became of the app's deliveries, counted by outcome. */
    private java.util.Map<dev.slipway.webhooks.DeliveryOutcome, Long> jdbcOutcomes(String app) {
        java.util.Map<dev.slipway.webhooks.DeliveryOutcome, Long> counts = new java.util.TreeMap<>();
        jdbc.query("select outcome, count(*) from webhook_deliveries d join apps a on a.id = d.app_id where a.name = ?"
                + " group by outcome", row -> {
            counts.put(dev.slipway.webhooks.DeliveryOutcome.valueOf(row.getString(1)), row.getLong(2));
        }, app);
        return counts;
    }

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        // never reached: every build fails at its checkout, long before it would push
        properties.add("slipway.builds.registry", () -> "127.0.0.1:9/benchmark");
        // Tomcat closes a keep-alive connection after 100 requests by default; the senders do not reconnect
        properties.add("server.tomcat.max-keep-alive-requests", () -> "-1");
    }

    @Test
    void webhook_acknowledgement_latency_at_a_steady_rate() throws Exception {
        String team = fixtures.team();
        String app = Fixtures.unique("bench");
        // a git server that answers nothing: the build fetching from it stays busy until the benchmark ends
        java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        ConcurrentLinkedQueue<java.net.Socket> held = new ConcurrentLinkedQueue<>();
        Thread.ofVirtual().start(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (java.io.IOException closed) {
                    return;
                }
            }
        });
        String repository = "https://127.0.0.1:" + silent.getLocalPort() + "/bench/" + app + ".git";
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, repository));
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        String secret = webhooks.rotateSecret(maintainer, app);
        // A raw keep-alive client that writes each request in one piece: java.net.http sends headers and body
        // in separate segments, and Nagle plus delayed ACKs then add ~40 ms to every request on loopback.
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        java.util.concurrent.Semaphore answered = new java.util.concurrent.Semaphore(0);
        java.util.concurrent.BlockingQueue<Long> due = new java.util.concurrent.LinkedBlockingQueue<>();
        int connections = 32;
        List<Thread> senders = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        for (int c = 0; c < connections; c++) {
            senders.add(Thread.ofVirtual().start(() -> {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    var in = new java.io.BufferedInputStream(socket.getInputStream());
                    var out = socket.getOutputStream();
                    while (!done.get() || !due.isEmpty()) {
                        Long scheduled = due.poll(100, TimeUnit.MILLISECONDS);
                        if (scheduled == null) {
                            continue;
                        }
                        out.write(rawDelivery(app, repository, secret));
                        out.flush();
                        statuses.add(readResponse(in));
                        answered.release();
                        // measured from when the delivery was due, so a backlog shows up as latency
                        latencies.add(System.nanoTime() - scheduled);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long warmStart = 0;
        // one at a time first, which also lets the JIT compile the path before the timed run
        for (int i = 0; i < WARM_UP; i++) {
            if (i == WARM_UP - 500) {
                warmStart = System.nanoTime();
            }
            due.add(System.nanoTime());
            answered.acquire();
        }
        System.out.printf("[benchmark] one delivery at a time, the last 500 of %d: %.1f ms each on average%n", WARM_UP,
                (System.nanoTime() - warmStart) / 500 / 1e6);
        latencies.clear();
        statuses.clear();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long jvmCpuBefore = os.getProcessCpuTime();
        long postgresTicksBefore = postgresCpuTicks();
        long periodNanos = 1_000_000_000L / RATE;
        long begin = System.nanoTime();
        for (int i = 0; i < RATE * SECONDS; i++) {
            long at = begin + i * periodNanos;
            long wait = at - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            due.add(at);
        }
        done.set(true);
        for (Thread sender : senders) {
            sender.join(Duration.ofSeconds(60));
        }

        // on two cores, CPU time per delivery is what decides whether 200 a second can be answered at all
        System.out.printf("[benchmark] CPU per delivery at the steady rate: this JVM (server and load client) %.2f ms,"
                        + " PostgreSQL %.2f ms%n", (os.getProcessCpuTime() - jvmCpuBefore) / 1e6 / (RATE * SECONDS),
                (postgresCpuTicks() - postgresTicksBefore) * 10.0 / (RATE * SECONDS));
        silent.close();
        for (java.net.Socket socket : held) {
            socket.close(); // the waiting build fails now instead of at its fetch timeout
        }

        List<Long> sorted = latencies.stream().sorted().toList();
        long accepted = statuses.stream().filter(s -> s == 202).count();
        System.out.printf("[benchmark] webhook acknowledgement at %d deliveries/s for %d s: %d sent, %d answered 202;"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", RATE, SECONDS, sorted.size(), accepted,
                percentile(sorted, 50), percentile(sorted, 99), sorted.getLast() / 1e6);
        java.util.Map<dev.slipway.webhooks.DeliveryOutcome, Long> outcomes = org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(60)).until(() -> jdbcOutcomes(app),
                        o -> !o.containsKey(dev.slipway.webhooks.DeliveryOutcome.BUILD_PENDING));
        System.out.printf("[benchmark] deliveries: %s; builds: %d queued in all, %d superseded by a newer push, %d ran%n",
                outcomes, builds.countByStatus(BuildStatus.CANCELLED) + builds.countByStatus(BuildStatus.QUEUED)
                        + builds.countByStatus(BuildStatus.RUNNING) + builds.countByStatus(BuildStatus.FAILED),
                builds.countByStatus(BuildStatus.CANCELLED), builds.countByStatus(BuildStatus.RUNNING)
                        + builds.countByStatus(BuildStatus.FAILED));
    }

    @Test
    void first_and_incremental_image_builds() throws Exception {
        assumeTrue(RegistryServer.installed(), "needs Debian's docker-registry");
        try (RegistryServer registry = RegistryServer.start()) {
            Path project = dir.resolve("sample");
            SampleProjects.copy("/sample-app", project);
            build(project);
            String target = registry.address() + "/bench/sample";
            Path cache = dir.resolve("jib-cache");

            long start = System.nanoTime();
            ImageAssembler.Image first = ImageAssembler.assemble(project, request(target + ":1", cache), line -> { });
            long firstNanos = System.nanoTime() - start;
            List<String> firstUploads = registry.uploadedBlobs();

            Path greeting = project.resolve("src/main/java/demo/Greeting.java");
            Files.writeString(greeting, Files.readString(greeting).replace("version 1", "version 2"));
            build(project);
            start = System.nanoTime();
            ImageAssembler.Image second = ImageAssembler.assemble(project, request(target + ":2", cache), line -> { });
            long secondNanos = System.nanoTime() - start;
            List<String> secondUploads = registry.uploadedBlobs().subList(firstUploads.size(), registry.uploadedBlobs().size());

            System.out.printf("[benchmark] first image assembly + push: %d ms, %d blobs, %d bytes%n", firstNanos / 1_000_000,
                    firstUploads.size(), bytes(registry, first, firstUploads));
            System.out.printf("[benchmark] after a one-class change: %d ms, %d blobs, %d bytes (digest %s)%n",
                    secondNanos / 1_000_000, secondUploads.size(), bytes(registry, second, secondUploads),
                    second.digest().equals(first.digest()) ? "unchanged?!" : "new");
        }
    }

    private static ImageAssembler.Request request(String target, Path cache) {
        return new ImageAssembler.Request("scratch", target, null, null, true, cache, Map.of());
    }

    private static void build(Path project) throws Exception {
        ProjectBuild.Result result = ProjectBuild.run(ProjectBuild.detect(project, 512), Duration.ofMinutes(5),
                SecretMask.none(), line -> { }, () -> false);
        if (result.outcome() != ProjectBuild.Outcome.SUCCEEDED) {
            throw new IllegalStateException("sample build failed: " + result.detail());
        }
    }

    /** Sizes of the uploaded blobs, from the image's manifest (layers) and the config descriptor. */
    private static long bytes(RegistryServer registry, ImageAssembler.Image image, List<String> uploaded) throws Exception {
        String manifest = registry.manifest("bench/sample", image.digest());
        long total = 0;
        // each descriptor is {"mediaType", "digest", "size"} in some order
        var descriptors = Pattern.compile("\\{[^{}]*\\}").matcher(manifest);
        while (descriptors.find()) {
            var digest = Pattern.compile("\"digest\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"").matcher(descriptors.group());
            var size = Pattern.compile("\"size\"\\s*:\\s*(\\d+)").matcher(descriptors.group());
            if (digest.find() && size.find() && uploaded.contains(digest.group(1))) {
                total += Long.parseLong(size.group(1));
            }
        }
        return total;
    }

    private static byte[] rawDelivery(String app, String repository, String secret) {
        byte[] body = ("{\"ref\":\"refs/heads/" + BRANCH.get() + "\",\"after\":\"" + "ab".repeat(20)
                + "\",\"repository\":{\"clone_url\":\"" + repository + "\"}}").getBytes(StandardCharsets.UTF_8);
        // with the port, as providers send a host name: Tomcat's parser throws and catches an exception for
        // every bare IPv4 Host header, which would be measured here and never in production
        String head = "POST /hooks/github/" + app + " HTTP/1.1\r\nHost: 127.0.0.1:" + PORT.get() + "\r\nContent-Type: application/json\r\n"
                + "X-GitHub-Event: push\r\nX-GitHub-Delivery: " + UUID.randomUUID() + "\r\n"
                + "X-Hub-Signature-256: sha256=" + HexFormat.of().formatHex(hmac(secret, body)) + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /** Reads one HTTP/1.1 response (status line, headers, Content-Length or chunked body) and returns its status. */
    private static int readResponse(java.io.BufferedInputStream in) throws java.io.IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                in.readNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.readNBytes(length);
        }
        return code;
    }

    private static String line(java.io.BufferedInputStream in) throws java.io.IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> BRANCH =
            new java.util.concurrent.atomic.AtomicReference<>(System.getProperty("bench.branch", "main"));
    private static final java.util.concurrent.atomic.AtomicInteger PORT = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.BeforeEach
    void rememberPort() {
        PORT.set(port);
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** User + system CPU of every postgres process, in clock ticks (10 ms on Linux), from /proc. */
    private static long postgresCpuTicks() {
        long total = 0;
        for (ProcessHandle process : ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").contains("postgres")).toList()) {
            try {
                String[] fields = Files.readString(Path.of("/proc/" + process.pid() + "/stat")).split("\\) ")[1].split(" ");
                total += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            } catch (java.io.IOException | RuntimeException ended) {
                // the process ended between listing and reading; its time is lost either way
            }
        }
        return total;
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
