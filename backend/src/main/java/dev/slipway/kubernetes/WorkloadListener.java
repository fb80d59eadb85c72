package dev.slipway.kubernetes;

/**
 * Told by {@link WorkloadObserver} whenever a Deployment or Pod Slipway labelled was added, changed or
 * deleted. Called on the informer's event thread for every event, so an implementation must be cheap:
 * note what changed (enqueue a reconcile) and return.
 */
public interface WorkloadListener {

    /**
     * @param cluster     the cluster's name
     * @param namespace   the object's namespace
     * @param app         the object's {@code slipway.dev/app} label
     * @param environment the object's {@code slipway.dev/env} label
     */
    void changed(String cluster, String namespace, String app, String environment);
}
