package dev.slipway.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real OCI registry (Debian's docker-registry, the CNCF distribution) on loopback, a free port and a
 * temporary storage directory. Its access log tells which blobs were uploaded.
 */
public final class RegistryServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/docker-registry");
    private static final Pattern UPLOAD = Pattern.compile("\"PUT /v2/[^ ]*/blobs/uploads/[^ ]*digest=(sha256(?:%3A|:)[0-9a-f]{64})");

    private final LoopbackProcess process;
    private final Path dir;
    private final int port;

    private RegistryServer(LoopbackProcess process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    public static RegistryServer start() throws IOException, InterruptedException {
        Path dir = LoopbackProcess.directory("registry");
        int port = LoopbackProcess.freePort();
        Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                log:
                  level: info
                  accesslog:
                    disabled: false
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                """.formatted(dir.resolve("data"), port));
        LoopbackProcess process = LoopbackProcess.start(dir, List.of(BINARY.toString(), "serve",
                dir.resolve("config.yml").toString()), URI.create("http://127.0.0.1:" + port + "/v2/"), Duration.ofSeconds(10));
        return new RegistryServer(process, dir, port);
    }

    /** host:port, the registry part of an image reference. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Digests of every blob uploaded so far, in order. */
    public List<String> uploadedBlobs() throws IOException {
        Matcher matcher = UPLOAD.matcher(Files.readString(LoopbackProcess.log(dir)));
        return matcher.results().map(m -> m.group(1).replace("%3A", ":")).toList();
    }

    /** The manifest of {@code repository:reference} as JSON text. */
    public String manifest(String repository, String reference) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/" + repository
                        + "/manifests/" + reference))
                .header("Accept", "application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.manifest.v1+json")
                .timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A blob (e.g. an image's config) as text. */
    public String blob(String repository, String digest) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/" + repository + "/blobs/"
                + digest)).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** A blob's bytes (a layer's tar.gz). */
    public byte[] blobBytes(String repository, String digest) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/" + repository + "/blobs/"
                + digest)).timeout(Duration.ofSeconds(10)).build();
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()
                .send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    @Override
    public void close() throws IOException {
        process.close();
    }
}
