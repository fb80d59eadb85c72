package dev.slipway.teams;

import dev.slipway.shared.Actor;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.NotFoundException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers, for every feature, whether an actor may act on a team's things. Roles are read from the
 * database on each check, so a removed member loses access at once.
 */
@Service
public class TeamAccess {

    private final TeamRepository teams;
    private final MembershipRepository memberships;

    TeamAccess(TeamRepository teams, MembershipRepository memberships) {
        this.teams = teams;
        this.memberships = memberships;
    }

    /** The actor's role in the team; platform admins count as maintainers everywhere. */
    @Transactional(readOnly = true)
    public Optional<TeamRole> roleOf(Actor actor, long teamId) {
        if (actor.platformAdmin()) {
            return Optional.of(TeamRole.MAINTAINER);
        }
        return memberships.findByTeamIdAndUserId(teamId, actor.userId()).map(Membership::role);
    }

    /**
     * Checks that the actor has at least {@code needed} in the team.
     *
     * @param action what the actor tries to do, in words for the message ("deploy", "delete apps")
     * @throws NotFoundException  when the actor is not a member: to them the team's things do not exist
     * @throws ForbiddenException when the actor is a member with too small a role
     */
    @Transactional(readOnly = true)
    public TeamRef require(Actor actor, long teamId, TeamRole needed, String action) {
        Team team = teams.findById(teamId).orElseThrow(() -> new NotFoundException("There is no such team."));
        TeamRole role = roleOf(actor, teamId).orElseThrow(() -> new NotFoundException(
                "You are not a member of team '" + team.name() + "'. Ask one of its maintainers to add you."));
        if (!role.includes(needed)) {
            throw new ForbiddenException("You are a " + role + " of team '" + team.name() + "'; to " + action
                    + " you need to be a " + needed + " or higher. Ask a maintainer of the team.");
        }
        return team.toRef();
    }

    /** Looks a team up by name and checks the actor's role in it, in one step. */
    @Transactional(readOnly = true)
    public TeamRef require(Actor actor, String teamName, TeamRole needed, String action) {
        Team team = teams.findByName(teamName).orElseThrow(() -> new NotFoundException(
                "There is no team '" + teamName + "' that you belong to."));
        if (roleOf(actor, team.id()).isEmpty()) {
            throw new NotFoundException("There is no team '" + teamName + "' that you belong to.");
        }
        return require(actor, team.id(), needed, action);
    }

    /** Ids of the teams whose things the actor may see; empty for admins, who see all (check that first). */
    @Transactional(readOnly = true)
    public Set<Long> memberTeamIds(Actor actor) {
        return memberships.findByUserId(actor.userId()).stream().map(Membership::teamId).collect(Collectors.toSet());
    }

    /** Team names by id, for showing the owners of things that store only the id. */
    @Transactional(readOnly = true)
    public TeamRef ref(long teamId) {
        return teams.findById(teamId).map(Team::toRef)
                .orElseThrow(() -> new NotFoundException("There is no such team."));
    }

    /** Team names for many ids at once, for lists of things that store only the team id. */
    @Transactional(readOnly = true)
    public Map<Long, String> names(Collection<Long> teamIds) {
        return teams.findAllById(Set.copyOf(teamIds)).stream().collect(Collectors.toMap(Team::id, Team::name));
    }
}
