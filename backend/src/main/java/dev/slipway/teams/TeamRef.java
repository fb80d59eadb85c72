package dev.slipway.teams;

/** A team as other features refer to it: by id in their rows, by name on screen. */
public record TeamRef(long id, String name) {
}
