/**
 * Slipway's hands in a cluster: the Kubernetes objects of an app built by pure functions
 * ({@link dev.slipway.kubernetes.Manifests}), a fabric8 client per registered cluster
 * ({@link dev.slipway.kubernetes.KubernetesClients}), writes that work against a real API server and
 * against the sandbox alike ({@link dev.slipway.kubernetes.KubernetesWrites}: create/update with
 * resourceVersion, retried on conflict, never touching objects Slipway did not label), and a watch of
 * the objects it labelled ({@link dev.slipway.kubernetes.WorkloadObserver}) that tells the rollout
 * engine when something changed and lets it read the live state without asking the API server again.
 */
@NullMarked
package dev.slipway.kubernetes;

import org.jspecify.annotations.NullMarked;
