package dev.slipway.rollouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.slipway.BackendTestApplication;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.apps.NewApp;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.security.UserService;
import dev.slipway.shared.Actor;
import dev.slipway.teams.NewTeam;
import dev.slipway.teams.TeamService;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The sandbox keeps its cluster in memory; after a restart Slipway puts back what ran there. */
class SandboxRestoreTest {

    @Test
    void after_a_restart_the_sandbox_runs_again_what_ran_before(@TempDir Path dataDir) {
        String dir = "--slipway.database.embedded.data-dir=" + dataDir;
        try (ConfigurableApplicationContext first = start(dir)) {
            Actor admin = admin(first);
            first.getBean(TeamService.class).create(admin, new NewTeam("shop", "", ""));
            first.getBean(AppService.class).create(admin, new NewApp("shop", "cart", "", AppSource.IMAGE, null, null,
                    "registry.example.com/shop/cart:7", null, null, null));
            DeployService deploys = first.getBean(DeployService.class);
            RolloutView rollout = deploys.deploy(admin, "cart", "dev", new DeployRequest(null, null));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> deploys.rollout(admin, "cart", "dev", rollout.id()).phase() == RolloutPhase.SUCCEEDED);
        }
        try (ConfigurableApplicationContext second = start(dir)) {
            KubernetesClients clients = second.getBean(KubernetesClients.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> deployment(clients) != null);
            assertThat(deployment(clients).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                    .isEqualTo("registry.example.com/shop/cart:7");
        }
    }

    private static Deployment deployment(KubernetesClients clients) {
        return clients.client("sandbox").apps().deployments().inNamespace("cart-dev").withName("cart").get();
    }

    private static Actor admin(ConfigurableApplicationContext slipway) {
        UserService users = slipway.getBean(UserService.class);
        return users.actor(users.idOf("admin"));
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(BackendTestApplication.class).profiles("test")
                .properties("server.port=0")
                .run(dataDir, "--slipway.database.embedded.ephemeral=false");
    }
}
