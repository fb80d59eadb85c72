package dev.slipway.builds;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/deploy-key")
@Tag(name = "Builds")
class DeployKeyApiController {

    private final DeployKeyService deployKeys;

    DeployKeyApiController(DeployKeyService deployKeys) {
        this.deployKeys = deployKeys;
    }

    @GetMapping
    @Operation(summary = "The app's ssh deploy key (public half only) and the git server's remembered host key")
    DeployKeyView get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return deployKeys.view(principal.actor(), app);
    }

    @PostMapping
    @Operation(summary = "Make a new ssh deploy key, replacing the old one (MAINTAINER); add its public key to the repository")
    DeployKeyView generate(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return deployKeys.generate(principal.actor(), app);
    }

    @DeleteMapping
    @Operation(summary = "Remove the ssh deploy key (MAINTAINER)")
    DeployKeyView remove(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return deployKeys.remove(principal.actor(), app);
    }

    @DeleteMapping("/host-key")
    @Operation(summary = "Forget the git server's remembered ssh host key after the server was re-keyed (MAINTAINER)")
    DeployKeyView forgetHostKey(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return deployKeys.forgetHostKey(principal.actor(), app);
    }
}
