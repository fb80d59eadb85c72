package dev.slipway.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus (Debian's prometheus package) on loopback, a free port and a temporary storage
 * directory, scraping itself every second so that queries have real series to answer with.
 */
public final class PrometheusServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/prometheus");

    private final LoopbackProcess process;
    private final int port;

    private PrometheusServer(LoopbackProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static PrometheusServer start() throws IOException, InterruptedException {
        Path dir = LoopbackProcess.directory("prometheus");
        int port = LoopbackProcess.freePort();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                scrape_configs:
                  - job_name: prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(port));
        URI url = url(port);
        return new PrometheusServer(LoopbackProcess.start(dir, List.of(BINARY.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port), url.resolve("/-/ready"), Duration.ofSeconds(30)), port);
    }

    /** The base URL an environment would be given. */
    public URI url() {
        return url(port);
    }

    private static URI url(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() throws IOException {
        process.close();
    }
}
