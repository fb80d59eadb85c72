package dev.slipway.teams;

import dev.slipway.audit.AuditLog;
import dev.slipway.security.UserService;
import dev.slipway.security.UserView;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and their members. Platform admins create and delete teams; maintainers manage members. */
@Service
public class TeamService {

    public static final int MAX_NAME_LENGTH = 24;

    private final TeamRepository teams;
    private final MembershipRepository memberships;
    private final TeamAccess access;
    private final UserService users;
    private final AuditLog audit;
    private final Clock clock;

    TeamService(TeamRepository teams, MembershipRepository memberships, TeamAccess access, UserService users,
                AuditLog audit, Clock clock) {
        this.teams = teams;
        this.memberships = memberships;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rule for team names, for forms that check as the user types. */
    public static Optional<String> nameProblem(String name) {
        return Text.dnsLabel(name, MAX_NAME_LENGTH, "payments");
    }

    @Transactional
    public TeamView create(Actor actor, NewTeam team) {
        actor.requirePlatformAdmin("create teams");
        String name = Text.clean(team.name());
        String displayName = Text.clean(team.displayName()).isEmpty() ? name : Text.clean(team.displayName());
        String description = Text.clean(team.description());
        new InputCheck()
                .field("name", nameProblem(name))
                .field("displayName", Text.freeText(displayName, 100))
                .field("description", Text.freeText(description, 500))
                .throwIfInvalid();
        if (teams.existsByName(name)) {
            throw new InvalidInputException("name", "a team named '" + name + "' already exists; choose another name");
        }
        Team saved;
        try {
            saved = teams.saveAndFlush(new Team(name, displayName, description, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("name", "a team named '" + name + "' already exists; choose another name");
        }
        audit.record(actor, "team.created", "team", name, name, Map.of("displayName", displayName));
        return saved.toView(null, 0);
    }

    /** The teams the actor belongs to; every team for platform admins. */
    @Transactional(readOnly = true)
    public List<TeamView> list(Actor actor) {
        List<Team> visible = actor.platformAdmin()
                ? teams.findAllByOrderByNameAsc()
                : teams.findByIdInOrderByNameAsc(access.memberTeamIds(actor));
        return visible.stream().map(t -> view(actor, t)).toList();
    }

    @Transactional(readOnly = true)
    public TeamView get(Actor actor, String name) {
        TeamRef ref = access.require(actor, name, TeamRole.VIEWER, "see the team");
        return view(actor, teams.getReferenceById(ref.id()));
    }

    @Transactional
    public TeamView update(Actor actor, String name, TeamChanges changes) {
        TeamRef ref = access.require(actor, name, TeamRole.MAINTAINER, "change the team");
        String displayName = Text.clean(changes.displayName());
        String description = Text.clean(changes.description());
        new InputCheck()
                .field("displayName", Text.requiredText(displayName, 100))
                .field("description", Text.freeText(description, 500))
                .throwIfInvalid();
        Team team = teams.getReferenceById(ref.id());
        team.change(displayName, description, clock.instant());
        audit.record(actor, "team.changed", "team", name, name,
                Map.of("displayName", displayName, "description", description));
        return view(actor, team);
    }

    /** Deletes an empty team. Apps must be deleted first, so nothing running loses its owner. */
    @Transactional
    public void delete(Actor actor, String name) {
        actor.requirePlatformAdmin("delete teams");
        Team team = teams.findByName(name).orElseThrow(() -> new NotFoundException("There is no team '" + name + "'."));
        try {
            teams.delete(team);
            teams.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Team '" + name + "' still owns apps. Delete its apps first, then the team.", e);
        }
        audit.record(actor, "team.deleted", "team", name, name, Map.of());
    }

    @Transactional(readOnly = true)
    public List<MemberView> members(Actor actor, String teamName) {
        TeamRef ref = access.require(actor, teamName, TeamRole.VIEWER, "see the members");
        List<Membership> rows = memberships.findByTeamId(ref.id());
        Map<Long, UserView> people = users.byIds(rows.stream().map(Membership::userId).toList());
        return rows.stream()
                .map(m -> {
                    UserView user = people.get(m.userId());
                    return new MemberView(user.username(), user.displayName(), m.role(), m.createdAt());
                })
                .sorted(Comparator.comparing(MemberView::role).reversed().thenComparing(MemberView::username))
                .toList();
    }

    /** Adds a member, or changes the role of an existing one. */
    @Transactional
    public MemberView setMember(Actor actor, String teamName, String username, TeamRole role) {
        TeamRef ref = access.require(actor, teamName, TeamRole.MAINTAINER, "manage members");
        UserView user = users.find(Text.clean(username)).filter(UserView::enabled)
                .orElseThrow(() -> new InvalidInputException("username", "there is no active user '" + username + "'"));
        long userId = users.idOf(user.username());
        Optional<Membership> existing = memberships.findByTeamIdAndUserId(ref.id(), userId);
        Membership membership;
        if (existing.isPresent()) {
            membership = existing.get();
            if (membership.role() == role) {
                return toView(membership, user);
            }
            refuseToDropLastMaintainer(actor, ref, membership, "demote");
            membership.changeRole(role);
            audit.record(actor, "team.member-role-changed", "team", teamName, teamName,
                    Map.of("username", user.username(), "role", role.name()));
        } else {
            membership = memberships.save(new Membership(ref.id(), userId, role, clock.instant()));
            audit.record(actor, "team.member-added", "team", teamName, teamName,
                    Map.of("username", user.username(), "role", role.name()));
        }
        return toView(membership, user);
    }

    @Transactional
    public void removeMember(Actor actor, String teamName, String username) {
        TeamRef ref = access.require(actor, teamName, TeamRole.MAINTAINER, "manage members");
        long userId = users.idOf(username);
        Membership membership = memberships.findByTeamIdAndUserId(ref.id(), userId)
                .orElseThrow(() -> new NotFoundException("'" + username + "' is not a member of team '" + teamName + "'."));
        refuseToDropLastMaintainer(actor, ref, membership, "remove");
        memberships.delete(membership);
        audit.record(actor, "team.member-removed", "team", teamName, teamName, Map.of("username", username));
    }

    /**
     * A team keeps at least one maintainer, or nobody but a platform admin could manage it again. Admins
     * may still do it, for example while reorganising teams.
     */
    private void refuseToDropLastMaintainer(Actor actor, TeamRef team, Membership membership, String verb) {
        if (!actor.platformAdmin() && membership.role() == TeamRole.MAINTAINER
                && memberships.countByTeamIdAndRole(team.id(), TeamRole.MAINTAINER) == 1) {
            throw new ConflictException("This is the last maintainer of team '" + team.name() + "'; make someone else"
                    + " a maintainer before you " + verb + " them.");
        }
    }

    private TeamView view(Actor actor, Team team) {
        TeamRole yourRole = memberships.findByTeamIdAndUserId(team.id(), actor.userId()).map(Membership::role).orElse(null);
        return team.toView(yourRole, memberships.countByTeamId(team.id()));
    }

    private static MemberView toView(Membership membership, UserView user) {
        return new MemberView(user.username(), user.displayName(), membership.role(), membership.createdAt());
    }
}
