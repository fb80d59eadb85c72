/** Metric templates: what canary and blue-green analyses measure, built in, the platform's and each team's. */
@NullMarked
package dev.slipway.ui.analysis;

import org.jspecify.annotations.NullMarked;
