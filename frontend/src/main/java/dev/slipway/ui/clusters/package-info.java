/**
 * The admin page that registers the clusters Slipway deploys to, with their write-only credentials, and
 * checks whether Slipway can reach each one and deploy there.
 */
@NullMarked
package dev.slipway.ui.clusters;

import org.jspecify.annotations.NullMarked;
