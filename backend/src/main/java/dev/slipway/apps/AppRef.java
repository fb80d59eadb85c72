package dev.slipway.apps;

/** An app as other features refer to it: by id in their rows, by name on screen, with its owning team. */
public record AppRef(long id, String name, long teamId, String team) {
}
