package dev.slipway.builds;

import org.jspecify.annotations.Nullable;

/**
 * Whether successful builds deploy themselves to one environment.
 *
 * @param branch    the branch whose builds deploy there; null when off
 * @param available false for protected environments, where every deploy needs a maintainer
 */
public record AutoDeployView(String environment, @Nullable String branch, boolean available) {
}
