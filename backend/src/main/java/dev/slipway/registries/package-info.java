/**
 * Container registries: where builds push images and clusters pull them from. Platform admins register
 * them (address, credentials sealed, plain HTTP only when marked insecure) and choose one per
 * environment; environments without one use the platform registry (SLIPWAY_BUILD_REGISTRY).
 */
@NullMarked
package dev.slipway.registries;

import org.jspecify.annotations.NullMarked;
