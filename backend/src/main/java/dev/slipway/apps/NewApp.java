package dev.slipway.apps;

import io.swagger.v3.oas.annotations.media.Schema;
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
public record NewApp(
        @Schema(description = "The owning team's name", maxLength = 24) String team,
        @Schema(description = "A DNS label: lowercase letters, digits and '-', starting with a letter; fixed once created",
                maxLength = AppService.MAX_NAME_LENGTH, pattern = "[a-z]([-a-z0-9]*[a-z0-9])?", example = "billing-api")
        String name,
        @Schema(maxLength = 500) @Nullable String description,
        @Schema(description = "GIT builds from repositoryUrl and branch; IMAGE deploys image") AppSource source,
        @Schema(description = "https, ssh or (where a platform admin allows it) a local path; with source GIT",
                maxLength = RepositoryUrls.MAX_LENGTH) @Nullable String repositoryUrl,
        @Schema(description = "With source GIT", maxLength = GitRefs.MAX_LENGTH, example = "main") @Nullable String branch,
        @Schema(description = "With source IMAGE", maxLength = ImageReferences.MAX_LENGTH, example = "nginx:1.27")
        @Nullable String image,
        @Schema(description = "The container port; 8080 when left out", minimum = "1", maximum = "65535") @Nullable Integer port,
        @Schema(description = "'/' when left out", maxLength = HealthPaths.MAX_LENGTH) @Nullable String livenessPath,
        @Schema(description = "'/' when left out", maxLength = HealthPaths.MAX_LENGTH) @Nullable String readinessPath) {

    AppChanges changes() {
        return new AppChanges(description, source, repositoryUrl, branch, image, port, livenessPath, readinessPath);
    }
}
