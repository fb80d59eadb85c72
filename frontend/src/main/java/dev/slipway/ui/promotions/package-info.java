/** Promoting a release to the next environment, and approving promotions into protected ones. */
@NullMarked
package dev.slipway.ui.promotions;

import org.jspecify.annotations.NullMarked;
