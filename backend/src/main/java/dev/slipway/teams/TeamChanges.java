package dev.slipway.teams;

/** The editable fields of a team; its name is fixed because namespaces and audit entries use it. */
public record TeamChanges(String displayName, String description) {
}
