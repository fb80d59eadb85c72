package dev.slipway.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.security.Credentials;
import dev.slipway.security.UserService;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import java.util.Map;

/** A platform admin sets a new password for someone who lost theirs. */
class ResetPasswordDialog extends Dialog {

    private final PasswordField password = new PasswordField("New password");
    private final Binder<Model> binder = new Binder<>();
    private final Model model = new Model();

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String password = "";
    }

    ResetPasswordDialog(UserService users, CurrentUser user, String username) {
        setHeaderTitle("Reset the password of " + username);
        setWidth("28em");
        password.setRequired(true);
        password.setWidthFull();
        password.setValueChangeMode(ValueChangeMode.LAZY);
        // Otherwise the browser may fill in the signed-in admin's own password.
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        password.setHelperText("At least " + Credentials.MIN_PASSWORD_LENGTH + " characters. Pass it on privately;"
                + " " + username + " changes it under Account.");
        binder.forField(password).withValidator(PasswordRules.password(() -> username))
                .bind(m -> m.password, (m, v) -> m.password = v);
        binder.setBean(model);
        add(password);

        Button reset = new Button("Set password", e -> reset(users, user, username));
        reset.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), reset);
    }

    private void reset(UserService users, CurrentUser user, String username) {
        if (!binder.validate().isOk()) {
            return;
        }
        try {
            users.resetPassword(user.actor(), username, model.password);
            close();
            Notifications.success("Set a new password for " + username + ".");
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("password", password));
        }
    }
}
