package dev.slipway.ui.teams;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import dev.slipway.security.UserService;
import dev.slipway.security.UserView;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.MemberView;
import dev.slipway.teams.TeamRole;
import dev.slipway.teams.TeamService;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The members of one team. Maintainers also add members, change roles and remove members here; everyone
 * else sees the list only. After each change {@code onChanged} redraws the page, because the change may
 * have concerned the user's own role.
 */
class TeamMembers extends VerticalLayout {

    /** Enough to find someone by a few letters without sending the whole user table to the browser. */
    private static final int USER_MATCHES = 20;

    private final TeamService teams;
    private final UserService users;
    private final CurrentUser user;
    private final String team;
    private final Runnable onChanged;

    TeamMembers(TeamService teams, UserService users, CurrentUser user, String team, boolean canManage,
                Runnable onChanged) {
        this.teams = teams;
        this.users = users;
        this.user = user;
        this.team = team;
        this.onChanged = onChanged;
        setPadding(false);

        List<MemberView> members = teams.members(user.actor(), team);
        if (canManage) {
            add(addMemberRow(members.stream().map(MemberView::username).collect(Collectors.toSet())));
        }
        add(membersGrid(members, canManage));
    }

    private static String label(TeamRole role) {
        return role.name().charAt(0) + role.name().substring(1).toLowerCase(Locale.ROOT);
    }

    private HorizontalLayout addMemberRow(Set<String> currentMembers) {
        ComboBox<UserView> person = new ComboBox<>("Add member");
        person.setPlaceholder("Search by username or name");
        person.setWidth("22em");
        person.setItemLabelGenerator(u -> u.displayName().equals(u.username())
                ? u.username() : u.username() + " (" + u.displayName() + ")");
        // Existing members are left out: choosing one here would silently change their role instead.
        person.setItems(query -> users.findActive(user.actor(), query.getFilter().orElse(""), USER_MATCHES).stream()
                .filter(u -> !currentMembers.contains(u.username()))
                .skip(query.getOffset())
                .limit(query.getLimit()));
        Select<TeamRole> role = roleSelect();
        role.setLabel("Role");
        // The smallest role; a maintainer raises it deliberately.
        role.setValue(TeamRole.VIEWER);
        Button add = new Button("Add", VaadinIcon.PLUS.create(), e -> addMember(person, role));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        HorizontalLayout row = new HorizontalLayout(person, role, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void addMember(ComboBox<UserView> person, Select<TeamRole> role) {
        UserView chosen = person.getValue();
        if (chosen == null) {
            person.setErrorMessage("Choose the user to add");
            person.setInvalid(true);
            return;
        }
        try {
            MemberView added = teams.setMember(user.actor(), team, chosen.username(), role.getValue());
            Notifications.success("Added " + added.username() + " to " + team + " as " + label(added.role()) + ".");
            onChanged.run();
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("username", person, "role", role));
        }
    }

    private Grid<MemberView> membersGrid(List<MemberView> members, boolean canManage) {
        Grid<MemberView> grid = new Grid<>();
        grid.addColumn(MemberView::username).setHeader("Username").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(MemberView::displayName).setHeader("Display name").setFlexGrow(1);
        if (canManage) {
            grid.addComponentColumn(this::roleEditor).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        } else {
            grid.addComponentColumn(m -> Badges.role(m.role())).setHeader("Role").setAutoWidth(true).setFlexGrow(0);
        }
        grid.addColumn(m -> Formats.minute(m.since())).setHeader("Member since").setAutoWidth(true).setFlexGrow(0);
        if (canManage) {
            grid.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        }
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(canManage ? "The team has no members yet. Add them above."
                : "The team has no members yet.");
        grid.setItems(members);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Select<TeamRole> roleEditor(MemberView member) {
        Select<TeamRole> select = roleSelect();
        select.setValue(member.role());
        select.setAriaLabel("Role of " + member.username());
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                changeRole(member, e.getValue());
            }
        });
        return select;
    }

    private void changeRole(MemberView member, TeamRole role) {
        try {
            teams.setMember(user.actor(), team, member.username(), role);
            Notifications.success(member.username() + " is now a " + label(role) + " of " + team + ".");
        } finally {
            // Also when the service refuses (the last maintainer): the redrawn select then shows the role the
            // member really has, while the refusal itself reaches the user through UiErrorHandling.
            onChanged.run();
        }
    }

    private Component removeButton(MemberView member) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemove(member));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel("Remove " + member.username());
        remove.setTooltipText("Remove from the team");
        return remove;
    }

    private void confirmRemove(MemberView member) {
        boolean yourself = member.username().equals(user.username());
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(yourself ? "Leave team " + team + "?" : "Remove " + member.username() + " from " + team + "?");
        confirm.setText(yourself
                ? "You lose your role in the team at once; only a maintainer can add you again."
                : member.displayName() + " loses access to the team's apps at once.");
        confirm.setCancelable(true);
        confirm.setConfirmText(yourself ? "Leave" : "Remove");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            teams.removeMember(user.actor(), team, member.username());
            Notifications.success(yourself ? "You left team " + team + "." : "Removed " + member.username() + ".");
            onChanged.run();
        });
        confirm.open();
    }

    private static Select<TeamRole> roleSelect() {
        Select<TeamRole> select = new Select<>();
        select.setItems(TeamRole.values());
        select.setItemLabelGenerator(TeamMembers::label);
        return select;
    }
}
