package dev.slipway.teams;

import java.time.Instant;

/** One member of a team. */
public record MemberView(String username, String displayName, TeamRole role, Instant since) {
}
