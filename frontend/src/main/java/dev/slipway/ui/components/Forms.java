package dev.slipway.ui.components;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Connects forms to the backend's rules: the same functions that services enforce check fields as the
 * user types, and problems a service still reports land on the field they concern.
 */
public final class Forms {

    private Forms() {
    }

    /** A Binder validator from a backend rule that returns a problem or nothing. */
    public static Validator<String> rule(Function<String, Optional<String>> rule) {
        return (value, context) -> rule.apply(value == null ? "" : value.strip())
                .map(problem -> ValidationResult.error(capitalize(problem)))
                .orElseGet(ValidationResult::ok);
    }

    /**
     * Marks the fields named in the exception as invalid with their messages. Problems for fields the form
     * does not show are returned, so the caller can show them elsewhere.
     */
    public static List<FieldProblem> show(InvalidInputException e, Map<String, ? extends HasValidation> fields) {
        List<FieldProblem> unplaced = new ArrayList<>();
        for (FieldProblem problem : e.problems()) {
            HasValidation field = fields.get(problem.field());
            if (field == null) {
                unplaced.add(problem);
            } else {
                field.setErrorMessage(capitalize(problem.message()));
                field.setInvalid(true);
            }
        }
        if (!unplaced.isEmpty()) {
            Notifications.error(String.join("; ", unplaced.stream().map(p -> p.field() + " " + p.message()).toList()));
        }
        return unplaced;
    }

    static String capitalize(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
