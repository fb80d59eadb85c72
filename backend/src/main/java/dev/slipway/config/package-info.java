/**
 * Config and secrets per app and environment. Every change makes a new immutable {@code ConfigVersion};
 * a release pins one, and the rollout engine materialises it as a ConfigMap and a Secret whose names carry
 * a content hash. Secret values are write-only: they are sealed by {@code dev.slipway.encryption}, opened
 * only to write the Kubernetes Secret, and never returned by a view, logged or put in an audit entry.
 */
@NullMarked
package dev.slipway.config;

import org.jspecify.annotations.NullMarked;
