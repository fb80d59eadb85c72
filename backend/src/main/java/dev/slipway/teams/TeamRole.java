package dev.slipway.teams;

/** A member's role in a team; each role includes the rights of the ones before it. */
public enum TeamRole {
    /** Sees the team's apps, environments, releases and logs; changes nothing. */
    VIEWER,
    /** Also creates and edits apps, deploys, rolls back and sets config. */
    DEVELOPER,
    /** Also manages members, deletes apps and deploys to protected environments. */
    MAINTAINER;

    public boolean includes(TeamRole other) {
        return compareTo(other) >= 0;
    }
}
