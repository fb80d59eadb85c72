package dev.slipway.ui.security;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.security.Credentials;
import dev.slipway.security.NewUser;
import dev.slipway.security.UserService;
import dev.slipway.security.UserView;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.Text;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import java.util.Map;
import java.util.function.Consumer;

/** A platform admin creates a local account with an initial password, checked by the service's rules as typed. */
class NewUserDialog extends Dialog {

    private static final int MAX_DISPLAY_NAME_LENGTH = 100;

    private final TextField username = new TextField("Username");
    private final TextField displayName = new TextField("Display name");
    private final PasswordField password = new PasswordField("Initial password");
    private final Checkbox platformAdmin = new Checkbox("Platform admin");
    private final Binder<Model> binder = new Binder<>();
    private final Model model = new Model();

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String username = "";
        String displayName = "";
        String password = "";
        boolean platformAdmin;
    }

    NewUserDialog(UserService users, CurrentUser user, Consumer<UserView> onCreated) {
        setHeaderTitle("New user");
        setWidth("32em");
        configureFields();
        bind();
        add(new FormLayout(username, displayName, password, platformAdmin));

        Button create = new Button("Create", e -> create(users, user, onCreated));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
    }

    private void configureFields() {
        username.setRequired(true);
        username.setHelperText("Used to sign in and in the audit log; cannot be changed later");
        username.setValueChangeMode(ValueChangeMode.LAZY);
        displayName.setMaxLength(MAX_DISPLAY_NAME_LENGTH);
        displayName.setHelperText("The username when left empty");
        password.setRequired(true);
        password.setValueChangeMode(ValueChangeMode.LAZY);
        password.setHelperText("At least " + Credentials.MIN_PASSWORD_LENGTH + " characters. Pass it on privately;"
                + " the user changes it under Account.");
        // Otherwise the browser may fill in the signed-in admin's own credentials.
        username.setAutocomplete(Autocomplete.OFF);
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        platformAdmin.setTooltipText("Manages users, clusters, environments and settings, and acts as a maintainer"
                + " of every team");
    }

    private void bind() {
        binder.forField(username).withValidator(Forms.rule(Credentials::usernameProblem))
                .bind(m -> m.username, (m, v) -> m.username = v);
        binder.forField(displayName).withValidator(Forms.rule(v -> Text.freeText(v, MAX_DISPLAY_NAME_LENGTH)))
                .bind(m -> m.displayName, (m, v) -> m.displayName = v);
        binder.forField(password).withValidator(PasswordRules.password(() -> username.getValue().strip()))
                .bind(m -> m.password, (m, v) -> m.password = v);
        binder.forField(platformAdmin).bind(m -> m.platformAdmin, (m, v) -> m.platformAdmin = v);
        binder.setBean(model);
    }

    private void create(UserService users, CurrentUser user, Consumer<UserView> onCreated) {
        if (!binder.validate().isOk()) {
            return;
        }
        try {
            UserView created = users.create(user.actor(),
                    new NewUser(model.username, model.displayName, model.password, model.platformAdmin));
            close();
            Notifications.success("Created user " + created.username() + ".");
            onCreated.accept(created);
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.<String, HasValidation>of("username", username, "displayName", displayName,
                    "password", password));
        }
    }
}
