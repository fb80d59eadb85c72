/** An app's builds: the list, starting one, and a build's page with its live log. */
@NullMarked
package dev.slipway.ui.builds;

import org.jspecify.annotations.NullMarked;
