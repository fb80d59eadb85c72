package dev.slipway.apps;

import dev.slipway.shared.InputCheck;
import dev.slipway.shared.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An app's settings after defaults and trimming, checked as a whole. */
record AppSettings(String description, AppSource source, @Nullable String repositoryUrl, @Nullable String branch,
                   @Nullable String image, int port, String livenessPath, String readinessPath) {

    static final int DEFAULT_PORT = 8080;
    static final String DEFAULT_HEALTH_PATH = "/";

    /** Normalises what a user sent: trims text, fills defaults, drops the fields of the other source. */
    static AppSettings from(AppChanges changes) {
        boolean git = changes.source() == AppSource.GIT;
        String liveness = Text.clean(changes.livenessPath());
        String readiness = Text.clean(changes.readinessPath());
        return new AppSettings(
                Text.clean(changes.description()),
                changes.source(),
                git ? Text.clean(changes.repositoryUrl()) : null,
                git ? Text.clean(changes.branch()) : null,
                git ? null : Text.clean(changes.image()),
                changes.port() == null ? DEFAULT_PORT : changes.port(),
                liveness.isEmpty() ? DEFAULT_HEALTH_PATH : liveness,
                readiness.isEmpty() ? DEFAULT_HEALTH_PATH : readiness);
    }

    /** Adds every problem of these settings to {@code check}. */
    void check(InputCheck check, boolean allowLocalRepositories) {
        check.field("description", Text.freeText(description, 500));
        if (source == AppSource.GIT) {
            check.field("repositoryUrl", RepositoryUrls.problem(String.valueOf(repositoryUrl), allowLocalRepositories));
            check.field("branch", GitRefs.branchProblem(String.valueOf(branch)));
        } else {
            check.field("image", ImageReferences.problem(String.valueOf(image)));
        }
        if (port < 1 || port > 65535) {
            check.fail("port", "must be between 1 and 65535");
        }
        check.field("livenessPath", HealthPaths.problem(livenessPath));
        check.field("readinessPath", HealthPaths.problem(readinessPath));
    }

    Map<String, String> auditDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("source", source.name());
        if (source == AppSource.GIT) {
            details.put("repositoryUrl", String.valueOf(repositoryUrl));
            details.put("branch", String.valueOf(branch));
        } else {
            details.put("image", String.valueOf(image));
        }
        details.put("port", Integer.toString(port));
        details.put("livenessPath", livenessPath);
        details.put("readinessPath", readinessPath);
        return details;
    }
}
