package dev.slipway.builds;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/auto-deploys")
@Tag(name = "Builds")
class AutoDeployApiController {

    private final BuildService builds;

    AutoDeployApiController(BuildService builds) {
        this.builds = builds;
    }

    record Setting(@Nullable Boolean enabled) {
    }

    @GetMapping
    @Operation(summary = "Per environment: whether successful builds of the app's branch deploy there")
    List<AutoDeployView> list(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return builds.autoDeploys(principal.actor(), app);
    }

    @PutMapping("/{environment}")
    @Operation(summary = "Turn auto-deploy to an environment on or off (DEVELOPER; never for protected environments)")
    AutoDeployView set(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                       @PathVariable String environment, @RequestBody Setting setting) {
        if (setting.enabled() == null) {
            throw new InvalidInputException("enabled", "is required: true to deploy successful builds there, false to stop");
        }
        return builds.setAutoDeploy(principal.actor(), app, environment, setting.enabled());
    }
}
