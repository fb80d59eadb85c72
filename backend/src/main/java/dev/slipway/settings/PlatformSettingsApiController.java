package dev.slipway.settings;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/platform-settings")
@Tag(name = "Platform settings", description = "Platform-wide switches that admins flip at run time; each defaults"
        + " to its safe value.")
class PlatformSettingsApiController {

    private final PlatformSettingsService settings;

    PlatformSettingsApiController(PlatformSettingsService settings) {
        this.settings = settings;
    }

    /** Every switch is required, so a client that forgot one does not silently turn it off. */
    @Schema(name = "PlatformSettingsChange", description = "All platform settings, replaced as a whole")
    record PlatformSettingsChange(
            @Schema(description = "Whether apps may build from a path or file: URL on Slipway's own host instead of"
                    + " a git server. On a shared host this lets any developer read anything the Slipway process can"
                    + " read; turn it on only when Slipway runs on a machine of your own",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable Boolean allowLocalRepositories) {
    }

    @GetMapping
    @Operation(summary = "The current platform settings (anyone signed in)")
    PlatformSettings get() {
        return settings.current();
    }

    @PutMapping
    @Operation(summary = "Replace the platform settings (platform admins)")
    PlatformSettings update(@AuthenticationPrincipal SlipwayPrincipal principal,
                            @RequestBody PlatformSettingsChange change) {
        if (change.allowLocalRepositories() == null) {
            throw new InvalidInputException("allowLocalRepositories", "is required: true or false");
        }
        return settings.update(principal.actor(), new PlatformSettings(change.allowLocalRepositories()));
    }
}
