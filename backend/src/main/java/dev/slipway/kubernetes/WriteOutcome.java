package dev.slipway.kubernetes;

/** What {@link KubernetesWrites#apply} did to the cluster, so the rollout timeline records only real changes. */
public enum WriteOutcome {
    /** The object did not exist and was created. */
    CREATED,
    /** The object existed with other content and was replaced. */
    UPDATED,
    /** The object already had exactly what Slipway would write; nothing was sent. */
    UNCHANGED
}
