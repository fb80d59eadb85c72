package dev.slipway.teams;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A team to create.
 *
 * @param name        1 to 24 characters, a DNS label (it may appear in namespace names)
 * @param displayName shown in the UI; the name when blank or left out
 * @param description free text; empty when left out
 */
public record NewTeam(
        @Schema(description = "A DNS label, fixed once created", maxLength = TeamService.MAX_NAME_LENGTH,
                pattern = "[a-z]([-a-z0-9]*[a-z0-9])?", example = "payments") String name,
        @Schema(maxLength = 100) @Nullable String displayName,
        @Schema(maxLength = 500) @Nullable String description) {
}
