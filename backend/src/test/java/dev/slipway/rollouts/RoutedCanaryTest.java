package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.apps.AppService;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentSpec;
import dev.slipway.environments.TrafficRouting;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.sandbox.SandboxBehaviour;
import dev.slipway.shared.Actor;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.testing.TestClock;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Canaries in environments whose traffic router splits requests by exact weights: the canary Ingress's
 * ingress-nginx weight or the HTTPRoute's backend weights follow the steps, whatever the number of pods,
 * and an abort sets the canary's share to 0 at once. Against the sandbox, which stores these objects
 * like an API server would.
 */
@SlipwayTest
class RoutedCanaryTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    DeployService deploys;
    @Autowired
    AppService apps;
    @Autowired
    EnvironmentService environments;
    @Autowired
    KubernetesClients clients;
    @Autowired
    RolloutEngine engine;
    @Autowired
    TestClock clock;
    @Autowired
    Fixtures fixtures;

    @Test
    void ingress_nginx_gets_the_exact_weight_of_each_step_and_the_canary_ingress_goes_when_it_finishes() {
        Routed r = routed(new TrafficRouting(TrafficRouting.Router.INGRESS_NGINX, "{app}-{env}.apps.example.com", null),
                "setWeight 10\npause 10s\nsetWeight 30\npause");

        RolloutView canary = deploys.deploy(r.developer, r.app, r.env, image("2.0", null));
        awaitEvent(r, canary, e -> e.kind().equals("WEIGHT") && e.message().contains("exactly 10%"));

        assertThat(weight(r)).isEqualTo("10");
        assertThat(backend(ingress(r, r.app))).isEqualTo(r.app + "-stable");
        assertThat(client().services().inNamespace(r.namespace()).withName(r.app + "-stable").get().getSpec()
                .getSelector()).containsEntry("slipway.dev/release", "1");
        clock.advance(Duration.ofSeconds(11));
        engine.enqueue(canary.id());
        awaitEvent(r, canary, e -> e.kind().equals("WEIGHT") && e.message().contains("exactly 30%"));
        assertThat(weight(r)).isEqualTo("30");

        deploys.promote(r.developer, r.app, r.env);
        RolloutView done = awaitFinished(r, canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.SUCCEEDED);
        assertThat(backend(ingress(r, r.app))).isEqualTo(r.app);
        assertThat(ingress(r, r.app).getSpec().getRules().getFirst().getHost())
                .isEqualTo(r.app + "-" + r.env + ".apps.example.com");
        assertThat(ingress(r, r.app + "-canary")).isNull();
        assertThat(client().services().inNamespace(r.namespace()).withName(r.app + "-stable").get()).isNull();
    }

    @Test
    void an_abort_sets_the_gateway_routes_canary_weight_to_zero_at_once_and_then_one_backend_remains() {
        Routed r = routed(new TrafficRouting(TrafficRouting.Router.GATEWAY_API, "{app}.{env}.example.com",
                "gateway-system/public"), "setWeight 25\npause");
        RolloutView canary = deploys.deploy(r.developer, r.app, r.env, image("2.0", SandboxBehaviour.SLOW_START));
        await().atMost(WAIT).until(() -> backends(r).size() == 2);
        assertThat(backends(r)).extracting(HTTPBackendRef::getWeight).containsExactly(75, 25);

        deploys.abort(r.developer, r.app, r.env);
        RolloutView done = awaitFinished(r, canary);

        assertThat(done.phase()).isEqualTo(RolloutPhase.ABORTED);
        assertThat(done.events()).extracting(RolloutEventView::message)
                .anyMatch(m -> m.startsWith("Updated HTTPRoute " + r.app));
        assertThat(backends(r)).singleElement().satisfies(b -> {
            assertThat(b.getName()).isEqualTo(r.app);
            assertThat(b.getWeight()).isNull();
        });
        HTTPRoute route = route(r);
        assertThat(route.getSpec().getParentRefs().getFirst().getName()).isEqualTo("public");
        assertThat(route.getSpec().getHostnames()).containsExactly(r.app + "." + r.env + ".example.com");
    }

    private record Routed(String app, String env, Actor developer) {
        String namespace() {
            return app + "-" + env;
        }
    }

    /** An environment on the sandbox with this router, and an app whose v1 runs there as a 4-pod canary app. */
    private Routed routed(TrafficRouting routing, String steps) {
        String env = "r" + Fixtures.unique("").replace("-", "");
        environments.create(fixtures.admin(), new EnvironmentSpec(env, "", "sandbox", "{app}-{env}", true, false, null,
                routing));
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        DeploySettings d = DeploySettings.defaults();
        apps.updateDeploySettings(developer, app, env, new DeploySettings(4, d.cpuRequest(), d.cpuLimit(),
                d.memoryRequest(), d.memoryLimit(), d.maxSurge(), d.maxUnavailable(), d.progressDeadlineSeconds(), null,
                DeployStrategy.CANARY, steps));
        Routed r = new Routed(app, env, developer);
        assertThat(awaitFinished(r, deploys.deploy(developer, app, env, image("1.0", null))).phase())
                .isEqualTo(RolloutPhase.SUCCEEDED);
        return r;
    }

    private KubernetesClient client() {
        return clients.client("sandbox");
    }

    private @Nullable Ingress ingress(Routed r, String name) {
        return client().network().v1().ingresses().inNamespace(r.namespace()).withName(name).get();
    }

    private String weight(Routed r) {
        return ingress(r, r.app + "-canary").getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/canary-weight");
    }

    private static String backend(Ingress ingress) {
        return ingress.getSpec().getRules().getFirst().getHttp().getPaths().getFirst().getBackend().getService().getName();
    }

    private HTTPRoute route(Routed r) {
        return client().resources(HTTPRoute.class).inNamespace(r.namespace()).withName(r.app).get();
    }

    private List<HTTPBackendRef> backends(Routed r) {
        HTTPRoute route = route(r);
        return route == null ? List.of() : route.getSpec().getRules().getFirst().getBackendRefs();
    }

    private static DeployRequest image(String tag, @Nullable SandboxBehaviour behaviour) {
        return new DeployRequest("registry.example.com/shop/app:" + tag, behaviour);
    }

    private RolloutView awaitFinished(Routed r, RolloutView rollout) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> !deploys.rollout(r.developer, r.app, r.env, rollout.id()).phase().active());
        return deploys.rollout(r.developer, r.app, r.env, rollout.id());
    }

    private void awaitEvent(Routed r, RolloutView rollout, Predicate<RolloutEventView> event) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> deploys.rollout(r.developer, r.app, r.env, rollout.id()).events().stream().anyMatch(event));
    }
}
