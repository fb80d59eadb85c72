package dev.slipway.apps;

import dev.slipway.api.PageResponse;
import dev.slipway.api.Paging;
import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps")
@Tag(name = "Apps")
class AppApiController {

    private final AppService apps;

    AppApiController(AppService apps) {
        this.apps = apps;
    }

    @GetMapping
    @Operation(summary = "The apps you can see, optionally filtered by text and team, sorted by name")
    PageResponse<AppSummary> list(@AuthenticationPrincipal SlipwayPrincipal principal,
                                  @RequestParam(required = false) @Nullable String q,
                                  @RequestParam(required = false) @Nullable String team,
                                  @Parameter(description = "zero-based page number", schema = @Schema(minimum = "0",
                                          maximum = "100000", defaultValue = "0"))
                                  @RequestParam(defaultValue = "0") int page,
                                  @Parameter(description = "items per page", schema = @Schema(minimum = "1",
                                          maximum = "" + Paging.MAX_SIZE, defaultValue = "20"))
                                  @RequestParam(defaultValue = "20") int size) {
        PageRequest request = Paging.of(page, size, Sort.by("name"));
        return PageResponse.of(apps.search(principal.actor(), q, team, request));
    }

    @PostMapping
    @Operation(summary = "Create an app in a team you are a DEVELOPER or MAINTAINER of")
    ResponseEntity<AppView> create(@AuthenticationPrincipal SlipwayPrincipal principal, @RequestBody NewApp app) {
        AppView created = apps.create(principal.actor(), app);
        return ResponseEntity.created(URI.create("/api/v1/apps/" + created.name())).body(created);
    }

    @GetMapping("/{name}")
    AppView get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        return apps.get(principal.actor(), name);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Replace an app's settings (its name and team stay)")
    AppView update(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                   @RequestBody AppChanges changes) {
        return apps.update(principal.actor(), name, changes);
    }

    @GetMapping("/{name}/environments/{environment}/settings")
    @Operation(summary = "How the app runs in an environment: replicas, resources, rolling-update settings")
    DeploySettings settings(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                            @PathVariable String environment) {
        return apps.deploySettings(principal.actor(), name, environment);
    }

    @PutMapping("/{name}/environments/{environment}/settings")
    @Operation(summary = "Change how the app runs in an environment; applies from the next deploy (DEVELOPER)")
    DeploySettings updateSettings(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                                  @PathVariable String environment, @RequestBody DeploySettings settings) {
        return apps.updateDeploySettings(principal.actor(), name, environment, settings);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete an app (team MAINTAINER)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        apps.delete(principal.actor(), name);
        return ResponseEntity.noContent().build();
    }
}
