/**
 * Metric analysis for progressive rollouts: Prometheus queries with placeholders, measurements, and the
 * verdict a series of measurements gives against a template's conditions and limits. Pure decisions and
 * a small HTTP client; the rollout engine decides when to measure and what to do with a verdict.
 */
@NullMarked
package dev.slipway.analysis;

import org.jspecify.annotations.NullMarked;
