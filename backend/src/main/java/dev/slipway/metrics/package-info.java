/**
 * An app's metrics per environment over time, for the environment page's charts: from the
 * environment's Prometheus, or for the sandbox from samples of what its simulated pods would report.
 */
@NullMarked
package dev.slipway.metrics;

import org.jspecify.annotations.NullMarked;
