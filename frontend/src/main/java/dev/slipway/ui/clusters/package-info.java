/** The admin page that registers the clusters Slipway deploys to, with their write-only credentials. */
@NullMarked
package dev.slipway.ui.clusters;

import org.jspecify.annotations.NullMarked;
