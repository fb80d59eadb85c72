package dev.slipway.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.ApiTokenView;
import dev.slipway.security.CreatedApiToken;
import dev.slipway.ui.components.Badges;
import dev.slipway.ui.components.Formats;
import dev.slipway.ui.components.Notifications;
import java.time.Clock;
import java.util.List;

/** The user's personal API tokens: which exist, whether they still work, and creating and revoking them. */
class ApiTokensSection extends VerticalLayout {

    private final ApiTokenService tokens;
    private final CurrentUser user;
    private final Clock clock;
    private final Grid<ApiTokenView> grid = new Grid<>();
    private final Button revokeAll = new Button("Revoke all", e -> confirmRevokeAll());

    ApiTokensSection(ApiTokenService tokens, CurrentUser user, Clock clock) {
        this.tokens = tokens;
        this.user = user;
        this.clock = clock;
        setPadding(false);

        Paragraph intro = new Paragraph("Scripts and CI jobs call the REST API with a token. It acts as you, with"
                + " the rights you have at the time of the call.");
        Button create = new Button("Create token", VaadinIcon.PLUS.create(),
                e -> new NewApiTokenDialog(tokens, user, this::created).open());
        revokeAll.addThemeVariants(ButtonVariant.LUMO_ERROR);
        configureGrid();
        refresh();
        add(intro, new HorizontalLayout(create, revokeAll), grid);
    }

    private void configureGrid() {
        grid.addColumn(ApiTokenView::name).setHeader("Name").setFlexGrow(1);
        grid.addColumn(t -> t.prefix() + "…").setHeader("Starts with").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> Formats.minute(t.createdAt())).setHeader("Created").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.expiresAt() == null ? "never" : Formats.minute(t.expiresAt()))
                .setHeader("Expires").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never used" : Formats.minute(t.lastUsedAt()))
                .setHeader("Last used").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.readOnly() ? "read-only" : "full").setHeader("Scope").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::status).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::revokeButton).setAutoWidth(true).setFlexGrow(0);
        grid.setEmptyStateText("You have no API tokens. Create one per script or machine, so you can revoke each"
                + " on its own.");
        grid.setAllRowsVisible(true);
    }

    /** Reads the tokens again, e.g. after a password change revoked them. */
    void refresh() {
        List<ApiTokenView> mine = tokens.list(user.actor());
        grid.setItems(mine);
        // offered only when there is something to revoke
        revokeAll.setVisible(mine.stream().anyMatch(t -> t.active(clock.instant())));
    }

    private void created(CreatedApiToken created) {
        refresh();
        new TokenSecretDialog(created).open();
    }

    private Component status(ApiTokenView token) {
        if (token.revokedAt() != null) {
            return Badges.of("Revoked", BadgeVariant.ERROR);
        }
        return token.active(clock.instant()) ? Badges.of("Active", BadgeVariant.SUCCESS) : Badges.of("Expired");
    }

    /** Only active tokens get the button; revoking an expired or revoked one would change nothing. */
    private Component revokeButton(ApiTokenView token) {
        if (!token.active(clock.instant())) {
            return new Span();
        }
        Button revoke = new Button("Revoke", e -> confirmRevoke(token));
        revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return revoke;
    }

    private void confirmRevokeAll() {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke all your API tokens?");
        confirm.setText("Every script and CI job that uses one of your tokens is refused from its next call, for"
                + " example after a token may have leaked. This cannot be undone.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke all");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            int revoked = tokens.revokeAll(user.actor());
            Notifications.success("Revoked " + revoked + (revoked == 1 ? " token." : " tokens."));
            refresh();
        });
        confirm.open();
    }

    private void confirmRevoke(ApiTokenView token) {
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader("Revoke token " + token.name() + "?");
        confirm.setText("Scripts that use it are refused from their next call. This cannot be undone; create a"
                + " new token if you need one again.");
        confirm.setCancelable(true);
        confirm.setConfirmText("Revoke");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            tokens.revoke(user.actor(), token.id());
            Notifications.success("Revoked token " + token.name() + ".");
            refresh();
        });
        confirm.open();
    }
}
