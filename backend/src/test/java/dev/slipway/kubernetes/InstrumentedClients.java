package dev.slipway.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.slipway.clusters.ClusterService;
import dev.slipway.sandbox.SandboxClusters;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Slipway's clients, except that requests to sandbox clusters go through a client Tests can watch and
 * break: every request is recorded, and queued faults make the next writes of Deployments fail with a
 * server error, a conflict or a timeout, as real API servers sometimes do. The simulated kubelet keeps
 * its own client, so only Slipway's own requests are counted and broken.
 */
public class InstrumentedClients extends KubernetesClients {

    /** What the next write of a Deployment runs into. */
    public enum Fault { SERVER_ERROR, CONFLICT, TIMEOUT }

    /** One request Slipway sent: when (System.nanoTime), what, where. */
    public record Sent(long nanos, String method, String path) {

        public boolean write() {
            return !method.equals("GET");
        }
    }

    private static final int REQUEST_TIMEOUT_MS = 1000;

    private final SandboxClusters sandbox;
    private final Map<String, KubernetesClient> instrumented = new ConcurrentHashMap<>();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final HttpServer faultServer;

    public InstrumentedClients(ClusterService clusters, SandboxClusters sandbox) {
        super(clusters, sandbox);
        this.sandbox = sandbox;
        this.faultServer = startFaultServer();
    }

    public void inject(Fault... next) {
        faults.addAll(List.of(next));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public void forgetSent() {
        sent.clear();
    }

    @Override
    public KubernetesClient client(String clusterName) {
        KubernetesClient original = super.client(clusterName);
        if (sandbox.apiUrl(clusterName).isEmpty()) {
            return original;
        }
        return instrumented.computeIfAbsent(clusterName, name -> new KubernetesClientBuilder()
                .withConfig(new ConfigBuilder().withMasterUrl(original.getMasterUrl().toString()).withTrustCerts(true)
                        .withRequestTimeout(REQUEST_TIMEOUT_MS).withRequestRetryBackoffLimit(0).build())
                .withHttpClientBuilderConsumer(builder -> builder.addOrReplaceInterceptor("test", new Interceptor() {
                    @Override
                    public void before(BasicBuilder request, HttpRequest original, RequestTags tags) {
                        sent.add(new Sent(System.nanoTime(), original.method(), original.uri().getPath()));
                        if (!original.method().equals("GET") && original.uri().getPath().contains("/deployments")) {
                            Fault fault = faults.poll();
                            if (fault != null) {
                                request.uri(URI.create("http://127.0.0.1:" + faultServer.getAddress().getPort()
                                        + "/" + fault.name()));
                            }
                        }
                    }
                }))
                .build());
    }

    @Override
    public void destroy() {
        instrumented.values().forEach(KubernetesClient::close);
        faultServer.stop(0);
        super.destroy();
    }

    /** Answers like a troubled API server: a 500, a 409, or nothing for longer than the client waits. */
    private static HttpServer startFaultServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScheduledExecutorService late = Executors.newSingleThreadScheduledExecutor();
            server.createContext("/", exchange -> {
                Fault fault = Fault.valueOf(exchange.getRequestURI().getPath().substring(1));
                int code = fault == Fault.CONFLICT ? 409 : 500;
                if (fault == Fault.TIMEOUT) {
                    // answer only after the client gave up waiting
                    late.schedule(() -> answer(exchange, code, fault), REQUEST_TIMEOUT_MS * 3L, TimeUnit.MILLISECONDS);
                } else {
                    answer(exchange, code, fault);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int code, Fault fault) {
        try (exchange) {
            byte[] body = ("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":" + code
                    + ",\"message\":\"injected " + fault + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, body.length);
            exchange.getResponseBody().write(body);
        } catch (IOException e) {
            // the client gave up already: that is the point of a timeout
        }
    }
}
