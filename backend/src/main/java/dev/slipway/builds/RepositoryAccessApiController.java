package dev.slipway.builds;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/repository-token")
@Tag(name = "Builds")
class RepositoryAccessApiController {

    private final BuildService builds;

    RepositoryAccessApiController(BuildService builds) {
        this.builds = builds;
    }

    record TokenRequest(@Schema(description = "The access token the git provider issued; write-only", maxLength = 1000,
            accessMode = Schema.AccessMode.WRITE_ONLY) String token) {

        @Override
        public String toString() {
            return "TokenRequest[hidden]";
        }
    }

    @GetMapping
    @Operation(summary = "Whether builds fetch the repository with an access token, who set it and when (never the token)")
    RepositoryAccess get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return builds.repositoryAccess(principal.actor(), app);
    }

    @PutMapping
    @Operation(summary = "Set the https access token for a private repository (MAINTAINER); write-only")
    RepositoryAccess set(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                         @RequestBody TokenRequest request) {
        return builds.setRepositoryToken(principal.actor(), app, request.token());
    }

    @DeleteMapping
    @Operation(summary = "Remove the access token (MAINTAINER); builds then fetch without one")
    RepositoryAccess remove(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return builds.removeRepositoryToken(principal.actor(), app);
    }
}
