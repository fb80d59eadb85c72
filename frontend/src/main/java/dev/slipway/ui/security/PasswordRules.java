package dev.slipway.ui.security;

import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import dev.slipway.security.Credentials;
import java.util.function.Supplier;

/**
 * Checks password fields with the backend's rule as the user types. Unlike {@code Forms.rule} it does not
 * strip the value: the service takes a password exactly as typed, so spaces at its ends count.
 */
final class PasswordRules {

    private PasswordRules() {
    }

    /** @param username the account's username as it stands now; a password may not equal it */
    static Validator<String> password(Supplier<String> username) {
        return (value, context) -> Credentials.passwordProblem(value == null ? "" : value, username.get())
                .map(problem -> ValidationResult.error(Character.toUpperCase(problem.charAt(0)) + problem.substring(1)))
                .orElseGet(ValidationResult::ok);
    }
}
