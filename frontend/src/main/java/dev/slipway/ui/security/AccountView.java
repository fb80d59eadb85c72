package dev.slipway.ui.security;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.UserService;
import dev.slipway.security.UserView;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.Text;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Map;

/** The signed-in user's own account: the name others see, the password, and API tokens for scripts. */
@Route("account")
@PageTitle("Account · Slipway")
@PermitAll
public class AccountView extends VerticalLayout {

    private static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final UserService users;
    private final CurrentUser user;

    AccountView(UserService users, ApiTokenService tokens, CurrentUser user, Clock clock) {
        this.users = users;
        this.user = user;
        ApiTokensSection tokenSection = new ApiTokensSection(tokens, user, clock);
        add(new H2("Account"),
                new H3("Profile"), profile(),
                new H3("Password"), new PasswordChangeForm(users, tokens, user, tokenSection::refresh),
                new H3("API tokens"), tokenSection);
    }

    /** Display name holder; Binder needs a mutable bean. */
    static final class Profile {
        String displayName = "";
    }

    private Component profile() {
        UserView me = users.find(user.username()).orElseThrow();
        Profile profile = new Profile();
        profile.displayName = me.displayName();

        TextField displayName = new TextField("Display name");
        displayName.setRequired(true);
        displayName.setMaxLength(MAX_DISPLAY_NAME_LENGTH);
        displayName.setWidth("22em");
        displayName.setHelperText("Shown to your teams next to your username, " + me.username());
        Binder<Profile> binder = new Binder<>();
        binder.forField(displayName).withValidator(Forms.rule(v -> Text.requiredText(v, MAX_DISPLAY_NAME_LENGTH)))
                .bind(p -> p.displayName, (p, v) -> p.displayName = v);
        binder.setBean(profile);

        Button save = new Button("Save", e -> {
            if (binder.validate().isOk()) {
                saveDisplayName(profile.displayName, displayName);
            }
        });
        HorizontalLayout row = new HorizontalLayout(displayName, save);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void saveDisplayName(String displayName, TextField field) {
        try {
            UserView saved = users.updateDisplayName(user.actor(), user.username(), displayName);
            Notifications.success("Your display name is now " + saved.displayName() + ".");
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("displayName", field));
        }
    }
}
