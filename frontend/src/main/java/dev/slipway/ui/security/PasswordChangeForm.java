package dev.slipway.ui.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import dev.slipway.security.ApiTokenService;
import dev.slipway.security.Credentials;
import dev.slipway.security.UserService;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.ui.components.Forms;
import dev.slipway.ui.components.Notifications;
import java.util.Map;

/**
 * The user changes their own password, proving they know the current one, and may revoke their API
 * tokens with it (a leaked password often means leaked tokens too).
 */
class PasswordChangeForm extends VerticalLayout {

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat the new password");
    private final Checkbox revokeTokens = new Checkbox();
    private final Binder<Model> binder = new Binder<>();
    private final UserService users;
    private final ApiTokenService tokens;
    private final CurrentUser user;
    private final Runnable afterChange;
    private Model model = new Model();

    /** What the form edits; Binder needs a mutable bean. */
    static final class Model {
        String current = "";
        String next = "";
        String repeat = "";
    }

    /** @param afterChange told after a change, e.g. to show tokens that were revoked with it */
    PasswordChangeForm(UserService users, ApiTokenService tokens, CurrentUser user, Runnable afterChange) {
        this.users = users;
        this.tokens = tokens;
        this.user = user;
        this.afterChange = afterChange;
        setPadding(false);
        configureFields();
        bind(user.username());

        Button change = new Button("Change password", e -> change());
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setMaxWidth("40em");
        offerTokenRevocation();
        add(form, revokeTokens, change);
    }

    /** The choice appears only while the user has tokens that work. */
    private void offerTokenRevocation() {
        long active = tokens.activeCount(user.actor());
        revokeTokens.setValue(false);
        revokeTokens.setVisible(active > 0);
        revokeTokens.setLabel("Also revoke my " + active + (active == 1 ? " API token" : " API tokens")
                + " (scripts using them stop working)");
    }

    private void configureFields() {
        // Lets password managers fill the current password and offer to store the new one.
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        next.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        next.setHelperText("At least " + Credentials.MIN_PASSWORD_LENGTH + " characters; a few unrelated words"
                + " are easier to remember than a short jumble");
        next.setValueChangeMode(ValueChangeMode.LAZY);
        repeat.setValueChangeMode(ValueChangeMode.LAZY);
    }

    private void bind(String username) {
        binder.forField(current).asRequired("Enter your current password")
                .bind(m -> m.current, (m, v) -> m.current = v);
        binder.forField(next).withValidator(PasswordRules.password(() -> username))
                .bind(m -> m.next, (m, v) -> m.next = v);
        Binder.Binding<Model, String> repeated = binder.forField(repeat)
                .withValidator(v -> v.equals(next.getValue()), "Does not match the new password")
                .bind(m -> m.repeat, (m, v) -> m.repeat = v);
        // The repeat field's check depends on the new password, so it is redone when that changes.
        next.addValueChangeListener(e -> {
            if (!repeat.isEmpty()) {
                repeated.validate();
            }
        });
        binder.setBean(model);
    }

    private void change() {
        if (!binder.validate().isOk()) {
            return;
        }
        int revoked;
        try {
            revoked = users.changeOwnPassword(user.actor(), model.current, model.next,
                    revokeTokens.isVisible() && revokeTokens.getValue());
        } catch (InvalidInputException problem) {
            Forms.show(problem, Map.of("currentPassword", current, "newPassword", next));
            return;
        }
        model = new Model();
        binder.setBean(model);
        user.refreshSession();
        offerTokenRevocation();
        afterChange.run();
        Notifications.success("Password changed. Your other sessions are signed out."
                + (revoked > 0 ? " Revoked " + revoked + (revoked == 1 ? " API token." : " API tokens.") : ""));
    }
}
