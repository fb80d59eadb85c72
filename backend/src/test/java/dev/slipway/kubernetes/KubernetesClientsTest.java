package dev.slipway.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.slipway.clusters.ClusterAuth;
import dev.slipway.clusters.ClusterChanged;
import dev.slipway.clusters.ClusterConnection;
import dev.slipway.clusters.ClusterKind;
import dev.slipway.clusters.ClusterService;
import dev.slipway.sandbox.SandboxClusters;
import dev.slipway.shared.Actor;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.ForbiddenException;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class KubernetesClientsTest {

    static final Actor ADMIN = new Actor(1, "root", true);
    static final String SSAR_PATH = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

    KubernetesMockServer server;
    KubernetesClient client;

    ClusterService clusterService = mock(ClusterService.class);
    SandboxClusters sandbox = mock(SandboxClusters.class);
    KubernetesClients clients = new KubernetesClients(clusterService, sandbox);
    String url;
    String ca;

    @BeforeEach
    void serveVersion() throws IOException {
        url = client.getMasterUrl().toString().replaceAll("/$", "");
        ca = Files.readString(Path.of(server.getSelfSignedCertificate().certificatePath()));
        server.setVersionInfo(new VersionInfo.Builder().withMajor("1").withMinor("31").withGitVersion("v1.31.2").build());
        MockRequests.drain(server);
    }

    @AfterEach
    void closeClients() {
        clients.destroy();
    }

    @Test
    void a_token_cluster_is_reached_with_its_token_trusting_its_ca_certificate() throws InterruptedException {
        register(token("prod", url, ca, false, "sa-token-1"));

        KubernetesClient prod = clients.client("prod");

        assertThat(prod.apps().deployments().inNamespace("shop").list().getItems()).isEmpty();
        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getPath()).startsWith("/apis/apps/v1/namespaces/shop/deployments");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sa-token-1");
    }

    @Test
    void the_client_is_built_once_and_built_again_after_the_cluster_changed() {
        register(token("prod", url, null, true, "sa-token-1"));

        KubernetesClient first = clients.client("prod");
        assertThat(clients.client("prod")).isSameAs(first);
        verify(clusterService, times(1)).connection("prod");

        clients.clusterChanged(new ClusterChanged("prod"));

        assertThat(clients.client("prod")).isNotSameAs(first);
        verify(clusterService, times(2)).connection("prod");
    }

    @Test
    void a_sandbox_client_comes_from_the_sandbox_and_is_not_closed_here() {
        when(clusterService.connection("local")).thenReturn(
                new ClusterConnection("local", ClusterKind.SANDBOX, ClusterAuth.NONE, null, null, false, null));
        when(sandbox.client("local")).thenReturn(client);

        assertThat(clients.client("local")).isSameAs(client);
        clients.clusterChanged(new ClusterChanged("local"));
        clients.destroy();

        assertThat(client.namespaces().list().getItems()).isEmpty();
    }

    @Test
    void a_reachable_cluster_reports_its_version_and_the_permission_to_deploy() {
        register(token("prod", url, ca, false, "sa-token-1"));
        answerAccessReview(true);

        ConnectionCheck check = clients.check(ADMIN, "prod", "shop");

        assertThat(check).isEqualTo(new ConnectionCheck(true, "v1.31.2", true, "shop",
                "Connected to Kubernetes v1.31.2. Slipway may create Deployments in namespace 'shop'."));
    }

    @Test
    void missing_permission_to_deploy_is_reported_with_what_to_grant() {
        register(token("prod", url, null, true, "sa-token-1"));
        answerAccessReview(false);

        ConnectionCheck check = clients.check(ADMIN, "prod", "shop");

        assertThat(check.reachable()).isTrue();
        assertThat(check.canCreateDeployments()).isFalse();
        assertThat(check.message()).contains("may not create Deployments in namespace 'shop'")
                .contains("get, create, update and delete on deployments");
    }

    @Test
    void a_rejected_token_is_reported_as_such() {
        server.clearExpectations();
        server.expect().get().withPath("/version").andReturn(401, new StatusBuilder().withCode(401)
                .withReason("Unauthorized").withMessage("Unauthorized").build()).always();
        register(token("prod", url, null, true, "expired"));

        ConnectionCheck check = clients.check(ADMIN, "prod", "shop");

        assertThat(check.reachable()).isFalse();
        assertThat(check.message()).startsWith("The API server rejected the token (401 Unauthorized)");
    }

    @Test
    void an_unreachable_url_is_reported_without_an_exception() {
        register(token("prod", "https://127.0.0.1:1", null, false, "sa-token-1"));

        ConnectionCheck check = clients.check(ADMIN, "prod", "shop");

        assertThat(check).isEqualTo(new ConnectionCheck(false, null, null, "shop", "Nothing accepts connections at"
                + " https://127.0.0.1:1. Check the API URL and port, and that Slipway can reach the API server through"
                + " the network."));
    }

    @Test
    void an_unknown_host_is_reported_as_a_dns_failure() {
        register(token("prod", "https://no-such-cluster.invalid:6443", null, false, "sa-token-1"));

        ConnectionCheck check = clients.check(ADMIN, "prod", "shop");

        assertThat(check.reachable()).isFalse();
        assertThat(check.message()).isEqualTo(
                "The host of https://no-such-cluster.invalid:6443 is unknown (DNS lookup failed). Check the API URL.");
    }

    @Test
    void an_untrusted_certificate_points_to_the_ca_certificate_field() {
        register(token("prod", url, null, false, "sa-token-1"));

        ConnectionCheck check = clients.check(ADMIN, "prod", "shop");

        assertThat(check.reachable()).isFalse();
        assertThat(check.message()).startsWith("Slipway does not trust the TLS certificate of " + url)
                .contains("CA certificate field").contains("skip TLS verification");
    }

    @Test
    void the_sandbox_answers_the_check_itself_without_the_network() {
        when(clusterService.connection("local")).thenReturn(
                new ClusterConnection("local", ClusterKind.SANDBOX, ClusterAuth.NONE, null, null, false, null));

        ConnectionCheck check = clients.check(ADMIN, "local", "shop");

        assertThat(check).isEqualTo(new ConnectionCheck(true, "sandbox (simulated)", true, "shop",
                "The sandbox simulates a cluster inside Slipway; nothing runs."));
        verifyNoInteractions(sandbox);
        assertThat(MockRequests.drain(server)).isEmpty();
    }

    @Test
    void only_platform_admins_may_check_a_connection() {
        assertThatThrownBy(() -> clients.check(new Actor(2, "dev", false), "prod", "shop"))
                .isInstanceOf(ForbiddenException.class);
        verifyNoInteractions(clusterService);
    }

    @Test
    void a_kubeconfig_cluster_uses_the_server_and_user_of_its_current_context() throws InterruptedException {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts:
                - name: prod
                  context: {cluster: prod, user: deployer}
                - name: other
                  context: {cluster: other, user: other}
                clusters:
                - name: prod
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                - name: other
                  cluster: {server: "https://127.0.0.1:1"}
                users:
                - name: deployer
                  user: {token: kubeconfig-token}
                - name: other
                  user: {token: wrong}
                """.formatted(url, Base64.getEncoder().encodeToString(ca.getBytes()));
        register(new ClusterConnection("prod", ClusterKind.KUBERNETES, ClusterAuth.KUBECONFIG, url, null, false,
                kubeconfig));

        clients.client("prod").namespaces().list();

        RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer kubeconfig-token");
    }

    @Test
    void a_ca_certificate_given_to_slipway_overrides_the_one_in_the_kubeconfig() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: prod
                contexts: [{name: prod, context: {cluster: prod, user: deployer}}]
                clusters: [{name: prod, cluster: {server: "%s", certificate-authority: /nonexistent/ca.crt}}]
                users: [{name: deployer, user: {token: kubeconfig-token}}]
                """.formatted(url);
        ClusterConnection connection = new ClusterConnection("prod", ClusterKind.KUBERNETES, ClusterAuth.KUBECONFIG,
                url, ca, false, kubeconfig);
        register(connection);

        assertThat(clients.client("prod").namespaces().list().getItems()).isEmpty();
        assertThat(ClientConfigs.config(connection, ClientConfigs.REQUEST_TIMEOUT_MS).getCaCertFile()).isNull();
    }

    @Test
    void clients_time_out_and_leave_retrying_to_the_engine() {
        Config config = ClientConfigs.config(token("prod", url, null, true, "t"), ClientConfigs.REQUEST_TIMEOUT_MS);

        assertThat(config.getConnectionTimeout()).isEqualTo(10_000);
        assertThat(config.getRequestTimeout()).isEqualTo(30_000);
        assertThat(config.getRequestRetryBackoffLimit()).isZero();
        assertThat(config.isTrustCerts()).isTrue();
        assertThat(config.getOauthToken()).isEqualTo("t");
    }

    @Test
    void a_kubernetes_cluster_without_credentials_cannot_be_used_and_says_why() {
        register(new ClusterConnection("bare", ClusterKind.KUBERNETES, ClusterAuth.TOKEN, url, null, false, null));

        assertThatThrownBy(() -> clients.client("bare")).isInstanceOf(IllegalStateException.class)
                .hasMessage("Cluster 'bare' has no token set; edit the cluster and provide a token.");
        assertThat(clients.check(ADMIN, "bare", "shop").message())
                .isEqualTo("The cluster settings cannot be used: Cluster 'bare' has no token set; edit the cluster and"
                        + " provide a token.");
    }

    @Test
    void a_kubeconfig_that_would_run_a_program_on_the_slipway_server_is_refused() {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                current-context: eks
                contexts: [{name: eks, context: {cluster: eks, user: aws}}]
                clusters: [{name: eks, cluster: {server: "%s"}}]
                users:
                - name: aws
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: /bin/sh
                      args: ["-c", "touch /tmp/slipway-was-made-to-run-this"]
                """.formatted(url);
        register(new ClusterConnection("eks", ClusterKind.KUBERNETES, ClusterAuth.KUBECONFIG, url, null, true,
                kubeconfig));

        assertThatThrownBy(() -> clients.client("eks")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("logs in by running a program");
        assertThat(clients.check(ADMIN, "eks", "shop").message()).contains("logs in by running a program");
        assertThat(Path.of("/tmp/slipway-was-made-to-run-this")).doesNotExist();
    }

    private void register(ClusterConnection connection) {
        when(clusterService.connection(connection.name())).thenReturn(connection);
    }

    private static ClusterConnection token(String name, String apiUrl, @Nullable String ca, boolean skipTls,
                                           String token) {
        return new ClusterConnection(name, ClusterKind.KUBERNETES, ClusterAuth.TOKEN, apiUrl, ca, skipTls, token);
    }

    private void answerAccessReview(boolean allowed) {
        server.expect().post().withPath(SSAR_PATH).andReturn(201, new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes().withGroup("apps").withResource("deployments")
                .withVerb("create").withNamespace("shop").endResourceAttributes().endSpec()
                .withNewStatus().withAllowed(allowed).endStatus().build()).always();
    }

    @Test
    void a_namespace_kubernetes_would_refuse_is_refused_before_the_cluster_is_asked() {
        assertThatThrownBy(() -> clients.check(ADMIN, "anything", " "))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("namespace name");
        verifyNoInteractions(clusterService);
    }
}
