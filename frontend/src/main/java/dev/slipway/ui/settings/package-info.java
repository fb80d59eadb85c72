/** The admin page for the platform switches that can change at run time. */
@NullMarked
package dev.slipway.ui.settings;

import org.jspecify.annotations.NullMarked;
