package dev.slipway.sandbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the sandbox's simulated pods behave in time.
 *
 * @param readyAfter           a HEALTHY pod becomes ready this long after it starts
 * @param slowStartReadyAfter  a SLOW_START pod becomes ready this long after it starts
 * @param crashRestartEvery    a CRASH_LOOP pod restarts this often
 * @param tick                 how often the simulated controllers look at the cluster
 * @param podStartDelay        time between two pod creations of one Deployment, so updates are visible
 */
@ConfigurationProperties("slipway.sandbox")
public record SandboxProperties(
        @DefaultValue("2s") Duration readyAfter,
        @DefaultValue("45s") Duration slowStartReadyAfter,
        @DefaultValue("3s") Duration crashRestartEvery,
        @DefaultValue("250ms") Duration tick,
        @DefaultValue("500ms") Duration podStartDelay) {
}
