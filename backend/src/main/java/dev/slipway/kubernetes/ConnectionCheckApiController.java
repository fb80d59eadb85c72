package dev.slipway.kubernetes;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * "Check connection" of the Clusters page as REST. It lives here rather than with the other cluster
 * endpoints because asking a cluster needs a Kubernetes client, and the clusters feature knows none.
 */
@RestController
@Tag(name = "Clusters")
class ConnectionCheckApiController {

    private static final String DEFAULT_NAMESPACE = "default";

    private final KubernetesClients clients;

    ConnectionCheckApiController(KubernetesClients clients) {
        this.clients = clients;
    }

    @Schema(name = "ConnectionCheckRequest")
    record ConnectionCheckRequest(
            @Schema(description = "The namespace to ask about: may Slipway create Deployments there? Lowercase"
                    + " letters, digits and '-'", example = "shop", defaultValue = DEFAULT_NAMESPACE, maxLength = 63,
                    pattern = "[a-z0-9]([-a-z0-9]*[a-z0-9])?")
            @Nullable String namespace) {
    }

    @PostMapping("/api/v1/clusters/{name}/check")
    @Operation(summary = "Check whether Slipway reaches a cluster and may deploy there (platform admins)",
            description = "Asks the API server with the stored settings, as the console's Check connection does, and"
                    + " answers 200 with the outcome even when the cluster cannot be reached: reachable, the server"
                    + " version, whether Slipway may create Deployments in the namespace, and a message that names the"
                    + " setting to fix. The body is optional; without a namespace the check asks about 'default'. Takes at most"
                    + " about 15 seconds when the cluster does not answer.")
    ConnectionCheck check(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                          @RequestBody(required = false) @Nullable ConnectionCheckRequest request) {
        String namespace = request == null || request.namespace() == null
                ? DEFAULT_NAMESPACE : request.namespace().strip();
        return clients.check(principal.actor(), name, namespace);
    }
}
