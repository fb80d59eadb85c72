package dev.slipway.apps;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The editable settings of an app; the same defaults as {@link NewApp} apply to null values. */
public record AppChanges(
        @Schema(maxLength = 500) @Nullable String description,
        AppSource source,
        @Schema(description = "With source GIT", maxLength = RepositoryUrls.MAX_LENGTH) @Nullable String repositoryUrl,
        @Schema(description = "With source GIT", maxLength = GitRefs.MAX_LENGTH) @Nullable String branch,
        @Schema(description = "With source IMAGE", maxLength = ImageReferences.MAX_LENGTH) @Nullable String image,
        @Schema(description = "8080 when left out", minimum = "1", maximum = "65535") @Nullable Integer port,
        @Schema(maxLength = HealthPaths.MAX_LENGTH) @Nullable String livenessPath,
        @Schema(maxLength = HealthPaths.MAX_LENGTH) @Nullable String readinessPath) {
}
