package dev.slipway.teams;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a team; its name is fixed because namespaces and audit entries use it.
 *
 * @param description free text; empty when left out
 */
public record TeamChanges(@Schema(maxLength = 100) String displayName, @Schema(maxLength = 500) @Nullable String description) {
}
