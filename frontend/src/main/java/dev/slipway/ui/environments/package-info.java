/** The admin page that defines the environments, their order, clusters and namespace rules. */
@NullMarked
package dev.slipway.ui.environments;

import org.jspecify.annotations.NullMarked;
