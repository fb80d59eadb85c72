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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
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
 *       each queueing a build (the builds fail at once: the repository does not exist);</li>
 *   <li>time and bytes of a first image assembly and push, and of the rebuild after a one-class change.</li>
 * </ul>
 * {@code ./mvnw -pl backend -am test -Dtest=BuildWebhookBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
@SlipwayTest
class BuildWebhookBenchmark {

    static final int RATE = 200;
    static final int SECONDS = 10;

    @LocalServerPort
    int port;
    @Autowired
    AppService apps;
    @Autowired
    WebhookService webhooks;
    @Autowired
    Fixtures fixtures;
    @TempDir
    Path dir;

    @DynamicPropertySource
    static void registry(DynamicPropertyRegistry properties) {
        // never reached: every build fails at its checkout, long before it would push
        properties.add("slipway.builds.registry", () -> "127.0.0.1:9/benchmark");
    }

    @Test
    void webhook_acknowledgement_latency_at_a_steady_rate() throws Exception {
        String team = fixtures.team();
        String app = Fixtures.unique("bench");
        String repository = "https://git.example.invalid/bench/" + app + ".git";
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, repository));
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        String secret = webhooks.rotateSecret(maintainer, app);
        // A raw keep-alive client that writes each request in one piece: java.net.http sends headers and body
        // in separate segments, and Nagle plus delayed ACKs then add ~40 ms to every request on loopback.
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
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
                        // measured from when the delivery was due, so a backlog shows up as latency
                        latencies.add(System.nanoTime() - scheduled);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        long direct = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            byte[] raw = rawDelivery(app, repository, secret);
            String text = new String(raw, StandardCharsets.UTF_8);
            byte[] body = text.substring(text.indexOf("\r\n\r\n") + 4).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            for (String line : text.substring(0, text.indexOf("\r\n\r\n")).split("\r\n")) {
                if (line.contains(": ")) {
                    headers.put(line.substring(0, line.indexOf(": ")), line.substring(line.indexOf(": ") + 2));
                }
            }
            webhooks.receive(dev.slipway.webhooks.WebhookProvider.GITHUB, app, headers::get, body);
        }
        System.out.printf("[benchmark] WebhookService.receive called directly (200): %.1f ms each on average%n",
                (System.nanoTime() - direct) / 200 / 1e6);
        long warmStart = 0;
        for (int i = 0; i < 1000; i++) {
            if (i == 500) {
                warmStart = System.nanoTime();
            }
            due.add(System.nanoTime());
            while (statuses.size() <= i) {
                Thread.sleep(0, 100_000);
            }
        }
        System.out.printf("[benchmark] one delivery at a time, after 500 to warm up: %.1f ms each on average%n",
                (System.nanoTime() - warmStart) / 500 / 1e6);
        latencies.clear();
        statuses.clear();
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

        List<Long> sorted = latencies.stream().sorted().toList();
        long accepted = statuses.stream().filter(s -> s == 202).count();
        System.out.printf("[benchmark] webhook acknowledgement at %d deliveries/s for %d s: %d sent, %d answered 202;"
                        + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", RATE, SECONDS, sorted.size(), accepted,
                percentile(sorted, 50), percentile(sorted, 99), sorted.getLast() / 1e6);
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
        String head = "POST /hooks/github/" + app + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
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

    private static HttpRequest delivery(String app, String repository, String secret) {
        byte[] body = ("{\"ref\":\"refs/heads/" + BRANCH.get() + "\",\"after\":\"" + "ab".repeat(20) + "\",\"repository\":{\"clone_url\":\""
                + repository + "\"}}").getBytes(StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT_HOLDER.get() + "/hooks/github/" + app))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "push")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac(secret, body)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> BRANCH =
            new java.util.concurrent.atomic.AtomicReference<>(System.getProperty("bench.branch", "main"));
    private static final java.util.concurrent.atomic.AtomicInteger PORT_HOLDER = new java.util.concurrent.atomic.AtomicInteger();

    @org.junit.jupiter.api.BeforeEach
    void rememberPort() {
        PORT_HOLDER.set(port);
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

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
