package dev.slipway.shared;

/**
 * The signed-in person on whose behalf a service call runs. Services take it as their first argument
 * and decide from it (and the database) what is allowed, so the UI, the REST API and later webhooks
 * share one set of rules.
 *
 * @param userId        the user's id
 * @param username      the login name, as recorded in the audit log
 * @param platformAdmin whether the user runs the platform (all teams, clusters, environments)
 */
public record Actor(long userId, String username, boolean platformAdmin) {

    /**
     * Refuses the action unless the actor runs the platform.
     *
     * @param action what the actor tries to do, completing "Only platform admins may ..."
     */
    public void requirePlatformAdmin(String action) {
        if (!platformAdmin) {
            throw new ForbiddenException("Only platform admins may " + action + ".");
        }
    }
}
