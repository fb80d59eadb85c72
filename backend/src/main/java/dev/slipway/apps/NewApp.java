package dev.slipway.apps;

import org.jspecify.annotations.Nullable;

/**
 * An app to create.
 *
 * @param team          the owning team's name
 * @param name          1 to 40 characters, a DNS label; unique across Slipway and fixed once created
 * @param source        GIT (repositoryUrl and branch) or IMAGE (image)
 * @param port          the container port the app listens on; 8080 when null
 * @param livenessPath  probed to decide whether to restart the container; "/" when blank
 * @param readinessPath probed to decide whether to send it traffic; "/" when blank
 */
public record NewApp(String team, String name, @Nullable String description, AppSource source,
                     @Nullable String repositoryUrl, @Nullable String branch, @Nullable String image,
                     @Nullable Integer port, @Nullable String livenessPath, @Nullable String readinessPath) {

    AppChanges changes() {
        return new AppChanges(description, source, repositoryUrl, branch, image, port, livenessPath, readinessPath);
    }
}
