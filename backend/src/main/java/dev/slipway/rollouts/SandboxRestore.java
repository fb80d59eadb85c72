package dev.slipway.rollouts;

import dev.slipway.apps.AppService;
import dev.slipway.config.ConfigService;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.environments.EnvironmentView;
import dev.slipway.kubernetes.KubernetesClients;
import dev.slipway.kubernetes.KubernetesWrites;
import dev.slipway.releases.ReleaseService;
import dev.slipway.releases.ReleaseView;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts back what ran in the sandbox before Slipway stopped. The sandbox keeps its cluster in memory, so
 * it starts empty; without this, every app deployed there would look gone after a restart while the
 * database says it runs. Releases on real clusters are left alone: they kept running.
 */
@Component
class SandboxRestore {

    private static final Logger log = LoggerFactory.getLogger(SandboxRestore.class);

    private final ReleaseService releases;
    private final RolloutRepository rollouts;
    private final AppService apps;
    private final EnvironmentService environments;
    private final KubernetesClients clients;
    private final ConfigService configs;

    SandboxRestore(ReleaseService releases, RolloutRepository rollouts, AppService apps,
                   EnvironmentService environments, KubernetesClients clients, ConfigService configs) {
        this.configs = configs;
        this.releases = releases;
        this.rollouts = rollouts;
        this.apps = apps;
        this.environments = environments;
        this.clients = clients;
    }

    @EventListener(ApplicationReadyEvent.class)
    void restore() {
        for (ReleaseView release : releases.allRunning()) {
            EnvironmentView environment = environments.byId(release.environmentId());
            // a rollout in flight is the engine's: it writes what it needs on its next pass
            if (!environment.simulated() || rollouts.findActive(release.appId(), release.environmentId()).isPresent()) {
                continue;
            }
            try {
                var spec = Workloads.spec(apps.ref(release.appId()), environment, release,
                        configs.bundle(release.configVersionId()));
                for (HasMetadata object : RollingStrategy.objects(spec, false)) {
                    KubernetesWrites.apply(clients.client(environment.cluster()), object);
                }
            } catch (RuntimeException e) {
                log.warn("Could not put {} back into the sandbox of {}: {}", release.label(), environment.name(),
                        e.getMessage());
            }
        }
    }
}
