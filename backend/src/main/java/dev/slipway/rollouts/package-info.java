/**
 * Deploying: the commands (deploy, roll back, pause, resume, abort, remove) in
 * {@link dev.slipway.rollouts.DeployService}, and the one engine that carries them out. A rollout is a
 * state machine persisted in PostgreSQL; {@code RolloutEngine} runs reconcile passes when the cluster
 * reports a change, when a timer is due, on user commands and on a periodic resync. Each pass
 * ({@code RolloutPass}) locks its rollout row, reads the live state from the informer caches, asks the
 * rollout's strategy ({@code RolloutStrategy}: one class per strategy) for the next step, performs at
 * most that step and persists the result once. Passes are idempotent and a second Slipway on the same
 * database never runs a pass on the same rollout at the same time.
 */
@NullMarked
package dev.slipway.rollouts;

import org.jspecify.annotations.NullMarked;
