/**
 * Teams and their members: the list of the user's teams, one team's apps and members, and the controls
 * maintainers and platform admins use to manage them. The team service decides who may do what.
 */
@NullMarked
package dev.slipway.ui.teams;

import org.jspecify.annotations.NullMarked;
