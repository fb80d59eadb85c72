package dev.slipway.kubernetes;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Reads what the mock API server received, so tests can assert which writes happened. */
final class MockRequests {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private MockRequests() {
    }

    /** Every request received since the last call, as "METHOD /path". */
    static List<String> drain(KubernetesMockServer server) {
        List<String> requests = new ArrayList<>();
        try {
            for (RecordedRequest r = server.takeRequest(50, TimeUnit.MILLISECONDS); r != null;
                 r = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
                requests.add(r.getMethod() + " " + r.getPath());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return requests;
    }

    /** The writes (POST, PUT, PATCH, DELETE) received since the last call. */
    static List<String> writes(KubernetesMockServer server) {
        return drain(server).stream().filter(r -> WRITES.contains(r.substring(0, r.indexOf(' ')))).toList();
    }
}
