package dev.slipway.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import jakarta.annotation.security.PermitAll;
import dev.slipway.ui.analysis.MetricTemplatesView;
import dev.slipway.ui.apps.AppListView;
import dev.slipway.ui.audit.AuditLogView;
import dev.slipway.ui.clusters.ClustersView;
import dev.slipway.ui.encryption.EncryptionView;
import dev.slipway.ui.environments.EnvironmentsView;
import dev.slipway.ui.security.AccountView;
import dev.slipway.ui.security.CurrentUser;
import dev.slipway.ui.security.UsersView;
import dev.slipway.ui.registries.RegistriesView;
import dev.slipway.ui.settings.SettingsView;
import dev.slipway.ui.teams.TeamListView;

/** The frame around every signed-in page: navigation on the left, the user and sign-out on top. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    MainLayout(CurrentUser currentUser) {
        Span title = new Span("Slipway");
        title.addClassName("slipway-brand");

        Span user = new Span(currentUser.username());
        user.addClassName("slipway-user");
        Button signOut = new Button("Sign out", VaadinIcon.SIGN_OUT.create(), e -> currentUser.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout account = new HorizontalLayout(user, signOut);
        account.setAlignItems(FlexComponent.Alignment.CENTER);
        account.addClassName("slipway-account");

        addToNavbar(new DrawerToggle(), title, account);
        SideNav main = new SideNav();
        main.addItem(new SideNavItem("Apps", AppListView.class, VaadinIcon.CUBES.create()));
        main.addItem(new SideNavItem("Teams", TeamListView.class, VaadinIcon.GROUP.create()));
        main.addItem(new SideNavItem("Metric templates", MetricTemplatesView.class, VaadinIcon.CHART_LINE.create()));
        main.addItem(new SideNavItem("Account", AccountView.class, VaadinIcon.USER.create()));
        addToDrawer(main);
        if (currentUser.isPlatformAdmin()) {
            SideNav platform = new SideNav("Platform");
            platform.addItem(new SideNavItem("Users", UsersView.class, VaadinIcon.USERS.create()));
            platform.addItem(new SideNavItem("Clusters", ClustersView.class, VaadinIcon.CLUSTER.create()));
            platform.addItem(new SideNavItem("Environments", EnvironmentsView.class, VaadinIcon.SITEMAP.create()));
            platform.addItem(new SideNavItem("Registries", RegistriesView.class, VaadinIcon.STORAGE.create()));
            platform.addItem(new SideNavItem("Audit log", AuditLogView.class, VaadinIcon.RECORDS.create()));
            platform.addItem(new SideNavItem("Encryption", EncryptionView.class, VaadinIcon.KEY.create()));
            platform.addItem(new SideNavItem("Settings", SettingsView.class, VaadinIcon.COG.create()));
            platform.addClassName("slipway-nav-platform");
            addToDrawer(platform);
        }
        setPrimarySection(Section.DRAWER);
    }
}
