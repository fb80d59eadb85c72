package dev.slipway.rollouts;

/**
 * One way of moving an environment from its stable release to a new one. A strategy is a pure decision:
 * given what the pass sees, it says what should be true next.
 */
sealed interface RolloutStrategy permits RollingStrategy, CanaryStrategy, BlueGreenStrategy {

    /** The next step for a rollout in flight. Never called for a finished rollout. */
    Step next(PassContext context);
}
