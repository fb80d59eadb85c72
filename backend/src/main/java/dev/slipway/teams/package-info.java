/**
 * Teams own apps. A user's membership gives a role in one team (VIEWER &lt; DEVELOPER &lt; MAINTAINER);
 * platform admins act as maintainers of every team. {@link dev.slipway.teams.TeamAccess} is the one
 * place that answers "may this actor do this to that team's things", for every feature.
 */
@NullMarked
package dev.slipway.teams;

import org.jspecify.annotations.NullMarked;
