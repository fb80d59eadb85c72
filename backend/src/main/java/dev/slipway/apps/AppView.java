package dev.slipway.apps;

import dev.slipway.teams.TeamRole;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An app as members of its team see it.
 *
 * @param yourRole what the asking user may do with it (MAINTAINER for platform admins)
 */
public record AppView(String name, String team, String description, AppSource source,
                      @Nullable String repositoryUrl, @Nullable String branch, @Nullable String image, int port,
                      String livenessPath, String readinessPath, Instant createdAt, Instant updatedAt,
                      TeamRole yourRole) {

    /** Where the code comes from, in one line: the repository and branch, or the image. */
    public String origin() {
        return source == AppSource.GIT ? repositoryUrl + " (" + branch + ")" : String.valueOf(image);
    }
}
