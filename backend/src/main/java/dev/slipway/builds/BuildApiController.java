package dev.slipway.builds;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/builds")
@Tag(name = "Builds")
class BuildApiController {

    private final BuildService builds;

    BuildApiController(BuildService builds) {
        this.builds = builds;
    }

    /** What to build: a branch (the app's when empty) and a commit on it (its tip when empty). */
    record BuildRequest(@Nullable String branch, @Nullable String commit) {
    }

    /** Log lines from {@code from} on, and where to ask from next time. */
    record EnvironmentImage(String environment, String image) {
    }

    record LogChunk(int from, int next, List<String> lines) {
    }

    @PostMapping
    @Operation(summary = "Queue a build of the app's repository (DEVELOPER). Answers at once; follow it with"
            + " GET .../builds/{number} and .../log. A successful build's `image` is pinned to its digest and can be"
            + " deployed as it is")
    ResponseEntity<BuildView> start(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                    @RequestBody(required = false) @Nullable BuildRequest request) {
        BuildView build = builds.start(principal.actor(), app, request == null ? null : request.branch(),
                request == null ? null : request.commit(), BuildTrigger.API);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(build);
    }

    @GetMapping
    List<BuildView> list(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return builds.list(principal.actor(), app);
    }

    @GetMapping("/{number}/image")
    @io.swagger.v3.oas.annotations.Operation(summary = "The build's image, pinned to its digest, in the registry the"
            + " environment takes images from: what a deploy of this build there should use")
    EnvironmentImage image(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                           @PathVariable int number, @org.springframework.web.bind.annotation.RequestParam String environment) {
        return new EnvironmentImage(environment, builds.imageFor(principal.actor(), app, number, environment));
    }

    @GetMapping("/{number}")
    BuildView get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app, @PathVariable int number) {
        return builds.get(principal.actor(), app, number);
    }

    @GetMapping("/{number}/log")
    @Operation(summary = "The build's output from line `from` on (0-based); known secret values are masked")
    LogChunk log(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app, @PathVariable int number,
                 @RequestParam(defaultValue = "0") int from) {
        List<String> lines = builds.log(principal.actor(), app, number, from);
        return new LogChunk(Math.max(0, from), Math.max(0, from) + lines.size(), lines);
    }

    @PostMapping("/{number}/cancel")
    BuildView cancel(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                     @PathVariable int number) {
        return builds.cancel(principal.actor(), app, number);
    }
}
