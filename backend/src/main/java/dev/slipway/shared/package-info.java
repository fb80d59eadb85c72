/**
 * Small vocabulary every feature shares: who is acting ({@link dev.slipway.shared.Actor}), the errors a
 * user can cause and how they are described, and the clock. Depends on no feature.
 */
@NullMarked
package dev.slipway.shared;

import org.jspecify.annotations.NullMarked;
