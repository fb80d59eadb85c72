package dev.slipway.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterSpec;
import dev.slipway.shared.Actor;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The clients follow cluster changes made through {@link ClusterService}, once they are committed. */
@SlipwayTest
class KubernetesClientsWiringTest {

    @Autowired
    KubernetesClients clients;
    @Autowired
    ClusterService clusters;
    @Autowired
    Fixtures fixtures;

    KubernetesMockServer server;
    String url;
    String ca;

    @BeforeEach
    void startApiServer() throws IOException {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
                new KubernetesMixedDispatcher(responses), true);
        server.init();
        url = "https://localhost:" + server.getPort();
        ca = Files.readString(Path.of(server.getSelfSignedCertificate().certificatePath()));
    }

    @AfterEach
    void stopApiServer() {
        server.destroy();
    }

    @Test
    void a_new_token_is_used_as_soon_as_the_cluster_change_is_committed() throws InterruptedException {
        Actor admin = fixtures.admin();
        String name = Fixtures.unique("k8s");
        clusters.register(admin, spec(name, "first-token"));
        KubernetesClient first = clients.client(name);
        first.namespaces().list();
        assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer first-token");

        clusters.update(admin, name, spec(name, "second-token"));
        KubernetesClient second = clients.client(name);
        second.namespaces().list();

        assertThat(second).isNotSameAs(first);
        assertThat(lastRequest().getHeader("Authorization")).isEqualTo("Bearer second-token");
    }

    private ClusterSpec spec(String name, String token) {
        return new ClusterSpec(name, ClusterKind.KUBERNETES, "", ClusterAuth.TOKEN, url, ca, false, token);
    }

    private RecordedRequest lastRequest() throws InterruptedException {
        RecordedRequest last = null;
        for (RecordedRequest r = server.takeRequest(200, TimeUnit.MILLISECONDS); r != null;
             r = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
            last = r;
        }
        return last;
    }
}
