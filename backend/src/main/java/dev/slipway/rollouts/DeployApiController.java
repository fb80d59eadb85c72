package dev.slipway.rollouts;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/environments")
@Tag(name = "Deploys")
class DeployApiController {

    private final DeployService deploys;

    DeployApiController(DeployService deploys) {
        this.deploys = deploys;
    }

    /** The release to roll back to. */
    record RollbackRequest(@Schema(description = "The release number to roll out again", minimum = "1") @Nullable Integer release) {
    }

    @GetMapping
    @Operation(summary = "Where the app stands in every environment: running release, latest rollout, live pods")
    List<EnvironmentStatus> overview(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return deploys.overview(principal.actor(), app);
    }

    @GetMapping("/{environment}")
    EnvironmentStatus status(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                             @PathVariable String environment) {
        return deploys.status(principal.actor(), app, environment);
    }

    @PostMapping("/{environment}/deploys")
    @Operation(summary = "Make the next release from an image and roll it out (DEVELOPER; MAINTAINER for protected"
            + " environments). Answers at once; follow the rollout with GET .../rollouts/{id}")
    ResponseEntity<RolloutView> deploy(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                       @PathVariable String environment, @RequestBody DeployRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deploys.deploy(principal.actor(), app, environment, request));
    }

    @PostMapping("/{environment}/deploy-preview")
    @Operation(summary = "What a deploy with this request would change against what runs: image, config keys (secrets"
            + " by version only) and settings. Changes nothing")
    DeployPreview preview(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                          @PathVariable String environment, @RequestBody DeployRequest request) {
        return deploys.preview(principal.actor(), app, environment, request);
    }

    @PostMapping("/{environment}/rollbacks")
    @Operation(summary = "Roll an earlier release out again, fast-tracked")
    ResponseEntity<RolloutView> rollback(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                         @PathVariable String environment, @RequestBody RollbackRequest request) {
        if (request.release() == null) {
            throw new InvalidInputException("release", "is required: the number of the release to go back to, e.g. 3");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(deploys.rollback(principal.actor(), app, environment, request.release()));
    }

    @PostMapping("/{environment}/rollout/pause")
    RolloutView pause(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                      @PathVariable String environment) {
        return deploys.pause(principal.actor(), app, environment);
    }

    @PostMapping("/{environment}/rollout/resume")
    RolloutView resume(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                       @PathVariable String environment) {
        return deploys.resume(principal.actor(), app, environment);
    }

    @PostMapping("/{environment}/rollout/abort")
    @Operation(summary = "Stop the rollout in flight and put the stable release back")
    RolloutView abort(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                      @PathVariable String environment) {
        return deploys.abort(principal.actor(), app, environment);
    }

    @PostMapping("/{environment}/rollout/promote")
    @Operation(summary = "Canary: end the current step (a pause, an analysis) and go on with the next one")
    RolloutView promote(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                        @PathVariable String environment) {
        return deploys.promote(principal.actor(), app, environment);
    }

    @PostMapping("/{environment}/rollout/promote-full")
    @Operation(summary = "Canary: skip the remaining steps and analyses; the stable Deployment takes the release")
    RolloutView promoteFull(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                            @PathVariable String environment) {
        return deploys.promoteFull(principal.actor(), app, environment);
    }

    @PostMapping("/{environment}/rollout/retry")
    @Operation(summary = "Roll out the release of an aborted or rolled back rollout again, from its first step")
    RolloutView retry(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                      @PathVariable String environment) {
        return deploys.retry(principal.actor(), app, environment);
    }

    @GetMapping("/{environment}/releases")
    @Operation(summary = "Every release in the environment, newest first, with how its rollout ended")
    List<ReleaseHistoryEntry> history(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                      @PathVariable String environment) {
        return deploys.history(principal.actor(), app, environment);
    }

    @GetMapping("/{environment}/rollouts/{id}")
    RolloutView rollout(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                        @PathVariable String environment, @PathVariable long id) {
        return deploys.rollout(principal.actor(), app, environment, id);
    }

    @DeleteMapping("/{environment}/deployment")
    @Operation(summary = "Remove the app's objects from the environment's cluster")
    ResponseEntity<Void> remove(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                @PathVariable String environment) {
        deploys.remove(principal.actor(), app, environment);
        return ResponseEntity.noContent().build();
    }
}
