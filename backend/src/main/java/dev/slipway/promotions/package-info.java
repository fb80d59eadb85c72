/**
 * Promotions: running the release of one environment in a later one (dev to staging to prod) with the
 * target environment's own config and settings. Into a protected environment a promotion waits for a
 * MAINTAINER other than the one who asked for it.
 */
@NullMarked
package dev.slipway.promotions;

import org.jspecify.annotations.NullMarked;
