package dev.slipway.teams;

import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams")
class TeamApiController {

    private final TeamService teams;

    TeamApiController(TeamService teams) {
        this.teams = teams;
    }

    /** The role a member gets; the username comes from the path. */
    record MemberRole(TeamRole role) {
    }

    @GetMapping
    @Operation(summary = "The teams you belong to (all teams for platform admins)")
    List<TeamView> list(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return teams.list(principal.actor());
    }

    @PostMapping
    @Operation(summary = "Create a team (platform admins)")
    ResponseEntity<TeamView> create(@AuthenticationPrincipal SlipwayPrincipal principal, @RequestBody NewTeam team) {
        TeamView created = teams.create(principal.actor(), team);
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.name())).body(created);
    }

    @GetMapping("/{name}")
    TeamView get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        return teams.get(principal.actor(), name);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a team's display name and description (team MAINTAINER)")
    TeamView update(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                    @RequestBody TeamChanges changes) {
        return teams.update(principal.actor(), name, changes);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete a team that owns no apps (platform admins)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        teams.delete(principal.actor(), name);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{name}/members")
    List<MemberView> members(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        return teams.members(principal.actor(), name);
    }

    @PutMapping("/{name}/members/{username}")
    @Operation(summary = "Add a member or change their role (team MAINTAINER)")
    MemberView setMember(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                         @PathVariable String username, @RequestBody MemberRole role) {
        if (role.role() == null) {
            throw new InvalidInputException("role", "is required: VIEWER, DEVELOPER or MAINTAINER");
        }
        return teams.setMember(principal.actor(), name, username, role.role());
    }

    @DeleteMapping("/{name}/members/{username}")
    @Operation(summary = "Remove a member (team MAINTAINER)")
    ResponseEntity<Void> removeMember(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                                      @PathVariable String username) {
        teams.removeMember(principal.actor(), name, username);
        return ResponseEntity.noContent().build();
    }
}
