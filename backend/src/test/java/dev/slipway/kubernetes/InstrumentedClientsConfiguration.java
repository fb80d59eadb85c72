package dev.slipway.kubernetes;

import dev.slipway.clusters.ClusterService;
import dev.slipway.sandbox.SandboxClusters;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts {@link InstrumentedClients} in place of Slipway's clients for one test application. */
@TestConfiguration(proxyBeanMethods = false)
public class InstrumentedClientsConfiguration {

    @Bean
    @Primary
    InstrumentedClients instrumentedClients(ClusterService clusters, SandboxClusters sandbox) {
        return new InstrumentedClients(clusters, sandbox);
    }
}
