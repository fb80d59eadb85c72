package dev.slipway.config;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/environments/{environment}/config")
@Tag(name = "Config")
class ConfigApiController {

    private final ConfigService config;

    ConfigApiController(ConfigService config) {
        this.config = config;
    }

    /** A pasted .env file; {@code secrets} makes every line a secret. */
    record ImportRequest(@Schema(description = "The .env file's text", maxLength = 262144) @Nullable String text,
                         @Nullable Boolean secrets) {

        @Override
        public String toString() {
            return "ImportRequest[" + (text == null ? 0 : text.length()) + " characters, secrets=" + secrets + "]";
        }
    }

    @GetMapping
    @Operation(summary = "The current config: variables with values; secrets only with version, who set them and when")
    ConfigView view(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                    @PathVariable String environment) {
        return config.view(principal.actor(), app, environment);
    }

    @PatchMapping
    @Operation(summary = "Set and remove variables and secrets in one new version (DEVELOPER; MAINTAINER in protected"
            + " environments). Secret values are write-only. Pass expectedVersion to refuse lost updates")
    ConfigView change(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                      @PathVariable String environment, @RequestBody ConfigChange change) {
        return config.change(principal.actor(), app, environment, change);
    }

    @PostMapping("/import")
    @Operation(summary = "Set every NAME=value line of a .env paste; any bad line refuses all, listing each by number")
    ConfigView importDotEnv(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                            @PathVariable String environment, @RequestBody ImportRequest request) {
        if (request.text() == null || request.text().isBlank()) {
            throw new InvalidInputException("text", "is required: the contents of a .env file, NAME=value per line");
        }
        return config.importDotEnv(principal.actor(), app, environment, request.text(),
                Boolean.TRUE.equals(request.secrets()));
    }

    @GetMapping("/versions")
    @Operation(summary = "Every config version, newest first, with the keys each changed")
    List<ConfigVersionView> history(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                    @PathVariable String environment) {
        return config.history(principal.actor(), app, environment);
    }
}
