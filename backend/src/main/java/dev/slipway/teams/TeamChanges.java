package dev.slipway.teams;

import org.jspecify.annotations.Nullable;

/**
 * The editable fields of a team; its name is fixed because namespaces and audit entries use it.
 *
 * @param description free text; empty when left out
 */
public record TeamChanges(String displayName, @Nullable String description) {
}
