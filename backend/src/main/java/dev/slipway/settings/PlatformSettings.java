package dev.slipway.settings;

/**
 * The current platform settings.
 *
 * @param allowLocalRepositories whether apps may build from a path or {@code file:} URL on Slipway's own
 *                               host. Off by default: on a shared host it lets any developer read any
 *                               repository the Slipway process can read.
 */
public record PlatformSettings(boolean allowLocalRepositories) {

    static final PlatformSettings DEFAULTS = new PlatformSettings(false);
}
