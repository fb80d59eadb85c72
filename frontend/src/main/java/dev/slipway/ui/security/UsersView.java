package dev.slipway.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.security.UserService;
import dev.slipway.security.UserView;
import dev.slipway.shared.ConflictException;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import jakarta.annotation.security.RolesAllowed;

/**
 * Platform admins create accounts, grant and revoke admin rights, enable and disable accounts, and reset
 * passwords. The service refuses changes that would leave Slipway without an admin; its message is shown.
 */
@Route("admin/users")
@PageTitle("Users · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final CurrentUser user;
    private final Grid<UserView> grid = new Grid<>();

    UsersView(UserService users, CurrentUser user) {
        this.users = users;
        this.user = user;
        setSizeFull();

        Button create = new Button("New user", VaadinIcon.PLUS.create(),
                e -> new NewUserDialog(users, user, created -> refresh()).open());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Users"), create);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        configureGrid();
        refresh();
        add(header, grid);
    }

    private void configureGrid() {
        grid.addColumn(u -> isYou(u) ? u.username() + " (you)" : u.username())
                .setHeader("Username").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(UserView::displayName).setHeader("Display name").setFlexGrow(1);
        grid.addComponentColumn(u -> u.platformAdmin() ? Badges.of("Platform admin", BadgeVariant.SUCCESS) : new Span())
                .setHeader("Admin").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(u -> u.enabled() ? Badges.of("Enabled") : Badges.of("Disabled", BadgeVariant.ERROR))
                .setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(u -> Formats.minute(u.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
    }

    private void refresh() {
        grid.setItems(users.list(user.actor()));
    }

    private boolean isYou(UserView account) {
        return account.username().equals(user.username());
    }

    private Component actions(UserView account) {
        Button enabled = enabledButton(account);
        // The service never lets admins disable themselves, so the button could only ever be refused.
        enabled.setVisible(!isYou(account));
        Button reset = small("Reset password", () -> new ResetPasswordDialog(users, user, account.username()).open());
        HorizontalLayout buttons = new HorizontalLayout(adminButton(account), enabled, reset);
        buttons.setSpacing(false);
        return buttons;
    }

    private Button adminButton(UserView account) {
        String name = account.username();
        if (!account.platformAdmin()) {
            return small("Make admin", () -> confirm("Make " + name + " a platform admin?", name + " will manage"
                    + " users, clusters, environments and settings, and act as a maintainer of every team.",
                    "Make admin", () -> setAdmin(account, true)));
        }
        String consequence = isYou(account)
                ? "You keep your team roles but lose the platform pages at once. Another admin can give the rights back."
                : name + " keeps their team roles but loses the platform pages.";
        return small("Revoke admin", () -> confirm("Revoke the admin rights of " + name + "?", consequence,
                "Revoke admin", () -> setAdmin(account, false)));
    }

    private Button enabledButton(UserView account) {
        String name = account.username();
        if (!account.enabled()) {
            return small("Enable", () -> setEnabled(account, true));
        }
        return small("Disable", () -> confirm("Disable " + name + "?", name + " can no longer sign in, and their open"
                + " sessions and API tokens are refused from the next request. Their team roles stay, so enabling"
                + " the account restores them.", "Disable", () -> setEnabled(account, false)));
    }

    private void setAdmin(UserView account, boolean admin) {
        boolean changed = apply(() -> users.setPlatformAdmin(user.actor(), account.username(), admin),
                admin ? account.username() + " is now a platform admin." : "Revoked the admin rights of "
                        + account.username() + ".");
        if (changed && !admin && isYou(account)) {
            // This page and the platform navigation are for admins only. A full page load of Slipway's root
            // ('.' resolves against the base URL Vaadin sets) redraws the navigation without them.
            getUI().ifPresent(ui -> ui.getPage().setLocation("."));
        } else {
            refresh();
        }
    }

    private void setEnabled(UserView account, boolean enabled) {
        apply(() -> users.setEnabled(user.actor(), account.username(), enabled),
                (enabled ? "Enabled " : "Disabled ") + account.username() + ".");
        refresh();
    }

    /** Runs a change; a refusal (such as removing the last admin) is shown with the service's own words. */
    private static boolean apply(Runnable change, String done) {
        try {
            change.run();
        } catch (ConflictException refused) {
            Notifications.error(refused.getMessage());
            return false;
        }
        Notifications.success(done);
        return true;
    }

    private static void confirm(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(header);
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setConfirmText(confirmText);
        confirm.addConfirmListener(e -> action.run());
        confirm.open();
    }

    private static Button small(String text, Runnable action) {
        Button button = new Button(text, e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }
}
