package dev.slipway.apps;

import org.jspecify.annotations.Nullable;

/** The editable settings of an app; the same defaults as {@link NewApp} apply to null values. */
public record AppChanges(@Nullable String description, AppSource source, @Nullable String repositoryUrl,
                         @Nullable String branch, @Nullable String image, @Nullable Integer port,
                         @Nullable String livenessPath, @Nullable String readinessPath) {
}
