package dev.slipway.clusters;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Clusters page of the admin console as REST. The API names the token and the kubeconfig apart, where
 * the service takes either as "credentials": a script author should not have to know which one a field
 * means. The connection check lives with the Kubernetes clients (see the kubernetes feature).
 */
@RestController
@RequestMapping("/api/v1/clusters")
@Tag(name = "Clusters", description = "The Kubernetes clusters Slipway deploys to (platform admins). Tokens and"
        + " kubeconfigs are write-only: accepted when registering or changing a cluster, never returned; answers say"
        + " only whether they are set (credentialsSet) and when they were last replaced.")
class ClusterApiController {

    private static final String TOKEN_HELP = "The ServiceAccount token Slipway sends as a bearer token (auth TOKEN"
            + " only). Write-only: never returned.";
    private static final String KUBECONFIG_HELP = "A whole kubeconfig in YAML whose current context names the"
            + " server and the user (auth KUBECONFIG only); the API URL is read from it. Write-only: never returned.";

    private final ClusterService clusters;

    ClusterApiController(ClusterService clusters) {
        this.clusters = clusters;
    }

    @Schema(name = "ClusterRegistration", description = "A cluster to register")
    record ClusterRegistration(
            @Schema(description = "Lowercase letters, digits and '-', starting with a letter; fixed once registered",
                    example = "prod-eu-1", requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = ClusterRules.MAX_NAME_LENGTH, pattern = "[a-z]([-a-z0-9]*[a-z0-9])?")
            @Nullable String name,
            @Schema(description = "SANDBOX: Slipway's in-process simulation, where nothing runs. KUBERNETES: a real"
                    + " API server. Fixed once registered", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable ClusterKind kind,
            @Schema(description = "Free text for admins", maxLength = 500)
            @Nullable String description,
            @Schema(description = "How Slipway logs in. Required for KUBERNETES: TOKEN, KUBECONFIG or IN_CLUSTER"
                    + " (Slipway's own ServiceAccount, when it runs inside this cluster). NONE for SANDBOX, the"
                    + " default when left out")
            @Nullable ClusterAuth auth,
            @Schema(description = "The API server's https URL, required with auth TOKEN and ignored otherwise",
                    example = "https://203.0.113.10:6443", maxLength = 2048, format = "uri")
            @Nullable String apiUrl,
            @Schema(description = "PEM certificate(s) that sign the API server's certificate, when no public"
                    + " authority does (auth TOKEN or KUBECONFIG)", maxLength = ClusterRules.MAX_CA_LENGTH)
            @Nullable String caCertificate,
            @Schema(description = "Accept any server certificate, so whoever sits in between can read the"
                    + " credentials: only for throw-away test clusters. False when left out", defaultValue = "false")
            @Nullable Boolean skipTlsVerify,
            @Schema(description = TOKEN_HELP, maxLength = ClusterRules.MAX_TOKEN_LENGTH,
                    accessMode = Schema.AccessMode.WRITE_ONLY, format = "password")
            @Nullable String token,
            @Schema(description = KUBECONFIG_HELP, maxLength = ClusterRules.MAX_KUBECONFIG_LENGTH,
                    accessMode = Schema.AccessMode.WRITE_ONLY, format = "password")
            @Nullable String kubeconfig) {
    }

    @Schema(name = "ClusterChanges", description = "The new settings of a registered cluster; its name and kind"
            + " stay. Every field is replaced except the credentials: a token or kubeconfig left out (or empty)"
            + " keeps the stored one, as long as auth stays the same. Switching auth between TOKEN and KUBECONFIG"
            + " needs the new credentials.")
    record ClusterChanges(
            @Schema(description = "Free text for admins", maxLength = 500)
            @Nullable String description,
            @Schema(description = "How Slipway logs in: TOKEN, KUBECONFIG or IN_CLUSTER for KUBERNETES clusters;"
                    + " NONE (the default when left out) for SANDBOX")
            @Nullable ClusterAuth auth,
            @Schema(description = "The API server's https URL, required with auth TOKEN and ignored otherwise",
                    example = "https://203.0.113.10:6443", maxLength = 2048, format = "uri")
            @Nullable String apiUrl,
            @Schema(description = "PEM certificate(s) that sign the API server's certificate, when no public"
                    + " authority does (auth TOKEN or KUBECONFIG)", maxLength = ClusterRules.MAX_CA_LENGTH)
            @Nullable String caCertificate,
            @Schema(description = "Accept any server certificate: only for throw-away test clusters. False when left"
                    + " out", defaultValue = "false")
            @Nullable Boolean skipTlsVerify,
            @Schema(description = TOKEN_HELP + " Left out or empty: the stored token is kept.",
                    maxLength = ClusterRules.MAX_TOKEN_LENGTH, accessMode = Schema.AccessMode.WRITE_ONLY,
                    format = "password")
            @Nullable String token,
            @Schema(description = KUBECONFIG_HELP + " Left out or empty: the stored kubeconfig is kept.",
                    maxLength = ClusterRules.MAX_KUBECONFIG_LENGTH, accessMode = Schema.AccessMode.WRITE_ONLY,
                    format = "password")
            @Nullable String kubeconfig) {
    }

    @GetMapping
    @Operation(summary = "The registered clusters, sorted by name (platform admins)")
    List<ClusterView> list(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return clusters.list(principal.actor());
    }

    @GetMapping("/{name}")
    @Operation(summary = "One cluster; its credentials only as credentialsSet (platform admins)")
    ClusterView get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        return clusters.get(principal.actor(), name);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a cluster (platform admins)",
            description = "Slipway does not contact the cluster here; POST /api/v1/clusters/{name}/check does.")
    ResponseEntity<ClusterView> register(@AuthenticationPrincipal SlipwayPrincipal principal,
                                         @RequestBody ClusterRegistration cluster) {
        if (cluster.kind() == null) {
            throw new InvalidInputException("kind", "is required: SANDBOX or KUBERNETES");
        }
        ClusterAuth auth = authOrNone(cluster.auth());
        ClusterSpec spec = new ClusterSpec(nullToEmpty(cluster.name()), cluster.kind(), nullToEmpty(cluster.description()),
                auth, cluster.apiUrl(), cluster.caCertificate(), Boolean.TRUE.equals(cluster.skipTlsVerify()),
                credentials(auth, cluster.token(), cluster.kubeconfig()));
        ClusterView registered = namingCredentials(auth, () -> clusters.register(principal.actor(), spec));
        return ResponseEntity.created(URI.create("/api/v1/clusters/" + registered.name())).body(registered);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a cluster's settings (platform admins)",
            description = "Replaces every setting but the name and kind. Credentials are the exception: a token or"
                    + " kubeconfig left out (or empty) keeps the stored one while auth stays the same; switching"
                    + " between TOKEN and KUBECONFIG needs new ones. The next deploy uses the new settings.")
    ClusterView update(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                       @RequestBody ClusterChanges changes) {
        // name and kind cannot change, so they come from what is stored rather than from the request
        ClusterView current = clusters.get(principal.actor(), name);
        ClusterAuth auth = authOrNone(changes.auth());
        ClusterSpec spec = new ClusterSpec(current.name(), current.kind(), nullToEmpty(changes.description()), auth,
                changes.apiUrl(), changes.caCertificate(), Boolean.TRUE.equals(changes.skipTlsVerify()),
                credentials(auth, changes.token(), changes.kubeconfig()));
        return namingCredentials(auth, () -> clusters.update(principal.actor(), name, spec));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Forget a cluster and its stored credentials; nothing on the cluster is touched (platform"
            + " admins)", description = "Answers 409 while environments still use the cluster: move or delete them"
            + " first.")
    void delete(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        clusters.delete(principal.actor(), name);
    }

    private static ClusterAuth authOrNone(@Nullable ClusterAuth auth) {
        return auth == null ? ClusterAuth.NONE : auth;
    }

    /**
     * The service's single credentials value: the field that goes with the auth, null to keep the stored
     * one. A credential sent for another auth is refused rather than dropped, since it is most likely a
     * mistake about which auth was meant.
     */
    private static @Nullable String credentials(ClusterAuth auth, @Nullable String token, @Nullable String kubeconfig) {
        InputCheck check = new InputCheck();
        if (auth != ClusterAuth.TOKEN && present(token)) {
            check.fail("token", "goes only with auth TOKEN; leave it out for auth " + auth
                    + (auth == ClusterAuth.KUBECONFIG ? " and send the kubeconfig in 'kubeconfig'" : ""));
        }
        if (auth != ClusterAuth.KUBECONFIG && present(kubeconfig)) {
            check.fail("kubeconfig", "goes only with auth KUBECONFIG; leave it out for auth " + auth
                    + (auth == ClusterAuth.TOKEN ? " and send the token in 'token'" : ""));
        }
        check.throwIfInvalid();
        String value = switch (auth) {
            case TOKEN -> token;
            case KUBECONFIG -> kubeconfig;
            case NONE, IN_CLUSTER -> null;
        };
        return present(value) ? value : null;
    }

    /** The service reports problems of the credentials as "credentials"; the API names the field that was sent. */
    private static <T> T namingCredentials(ClusterAuth auth, Supplier<T> call) {
        try {
            return call.get();
        } catch (InvalidInputException e) {
            String field = auth == ClusterAuth.KUBECONFIG ? "kubeconfig" : "token";
            throw new InvalidInputException(e.problems().stream()
                    .map(p -> p.field().equals("credentials") ? new FieldProblem(field, p.message()) : p)
                    .toList());
        }
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
