/** The admin page for the master key: which keys wrap the stored values, and the rewrap after a rotation. */
@NullMarked
package dev.slipway.ui.encryption;

import org.jspecify.annotations.NullMarked;
