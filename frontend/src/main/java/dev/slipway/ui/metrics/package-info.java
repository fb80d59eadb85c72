/**
 * Metric charts for an app's environment (request rate, errors, latency, resources, replicas) with the
 * rollouts marked on them. The drawing is done in the browser by uPlot (npm, MIT).
 */
@NullMarked
package dev.slipway.ui.metrics;

import org.jspecify.annotations.NullMarked;
