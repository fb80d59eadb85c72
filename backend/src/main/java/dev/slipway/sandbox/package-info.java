/**
 * The sandbox cluster: Kubernetes simulated inside Slipway, so every rollout strategy can be tried and
 * watched on a laptop with nothing installed. An in-process API server plus a simulated kubelet whose
 * pods behave as each release asks (healthy, slow to start, never ready, crash-looping). Nothing really
 * runs, and the UI says so wherever the sandbox appears.
 */
@NullMarked
package dev.slipway.sandbox;

import org.jspecify.annotations.NullMarked;
