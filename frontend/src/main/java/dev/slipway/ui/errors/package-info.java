/** Pages shown instead of a view when the user may not see it, or it does not exist. */
@NullMarked
package dev.slipway.ui.errors;

import org.jspecify.annotations.NullMarked;
