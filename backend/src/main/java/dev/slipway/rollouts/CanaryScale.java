package dev.slipway.rollouts;

/**
 * How many pods of the stable and the canary release give a step's traffic weight when traffic is split
 * by replica ratio, the one way that works on every cluster: a Service sends each pod an equal share.
 * With few pods the ratio can only approximate the weight, so the scale says what share the canary
 * really gets, and the rollout view shows that instead of pretending.
 *
 * @param stable        pods of the stable release
 * @param canary        pods of the canary release
 * @param actualPercent the canary's share of the pods, so of the requests, rounded
 */
record CanaryScale(int stable, int canary, int actualPercent) {

    /**
     * @param replicas the pods the app runs with in the environment
     * @param weight   the share of traffic the step asks for, 0 to 100
     */
    static CanaryScale of(int replicas, int weight) {
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("A weight is a percentage from 0 to 100, not " + weight);
        }
        if (replicas <= 0) {
            return new CanaryScale(0, 0, 0);
        }
        if (weight == 0) {
            return new CanaryScale(replicas, 0, 0);
        }
        if (weight == 100) {
            // stable keeps one pod even here, so an abort has somewhere to send the requests at once
            return new CanaryScale(1, replicas, (int) Math.round(100.0 * replicas / (replicas + 1)));
        }
        // at least one pod of each while the traffic is split: a 1% canary still needs a pod to get any,
        // and stable keeps one so that an abort has somewhere to send the traffic back at once
        int canary = Math.max(1, (int) Math.ceil(replicas * weight / 100.0));
        int stable = Math.max(1, replicas - canary);
        return new CanaryScale(stable, canary, (int) Math.round(100.0 * canary / (canary + stable)));
    }

    /** For the timeline where a traffic router splits requests: the pods, and the exact share. */
    String describeExact(int weight, String router) {
        return canary + " canary " + (canary == 1 ? "pod" : "pods") + " and " + stable + " stable: exactly " + weight
                + "% of requests through " + router;
    }

    /** For the timeline: the pods, and the share when it is not what the step asked for. */
    String describe(int weight) {
        String pods = canary + " canary " + (canary == 1 ? "pod" : "pods") + " and " + stable + " stable";
        if (actualPercent == weight) {
            return pods + ": " + weight + "% of requests";
        }
        return pods + ": " + actualPercent + "% of requests by pod ratio, as close to " + weight + "% as "
                + (canary + stable) + " pods allow (exact weights need ingress-nginx or Gateway API routing)";
    }
}
