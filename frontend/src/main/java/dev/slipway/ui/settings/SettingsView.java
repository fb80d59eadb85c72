package dev.slipway.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.settings.PlatformSettings;
import dev.slipway.settings.PlatformSettingsService;
import dev.slipway.ui.components.Notifications;
import dev.slipway.ui.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;

/** The platform switches admins flip at run time. Each one explains what it risks, since all default to safe. */
@Route("admin/settings")
@PageTitle("Settings · Slipway")
@RolesAllowed(SlipwayPrincipal.ADMIN_ROLE)
public class SettingsView extends VerticalLayout {

    private final PlatformSettingsService settings;
    private final CurrentUser user;
    private final Checkbox allowLocalRepositories = new Checkbox("Allow apps to build from paths on Slipway's own host");
    private final Button save = new Button("Save", e -> save());
    /** What is stored, so Save is only offered when something would change. */
    private PlatformSettings stored;

    SettingsView(PlatformSettingsService settings, CurrentUser user) {
        this.settings = settings;
        this.user = user;
        this.stored = settings.current();

        allowLocalRepositories.setValue(stored.allowLocalRepositories());
        allowLocalRepositories.addValueChangeListener(e -> save.setEnabled(changed()));
        Paragraph risk = new Paragraph("When on, an app's repository may be a directory or a file: URL on the"
                + " machine Slipway runs on, instead of a git server. On a shared host this lets any developer read"
                + " anything the Slipway process can read, such as other teams' code and Slipway's own"
                + " configuration. Turn it on only when Slipway runs on a machine of your own. Off by default.");
        risk.setMaxWidth("40em");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        add(new H2("Settings"), allowLocalRepositories, risk, save);
    }

    private boolean changed() {
        return allowLocalRepositories.getValue() != stored.allowLocalRepositories();
    }

    private void save() {
        stored = settings.update(user.actor(), new PlatformSettings(allowLocalRepositories.getValue()));
        allowLocalRepositories.setValue(stored.allowLocalRepositories());
        save.setEnabled(changed());
        Notifications.success("Settings saved.");
    }
}
