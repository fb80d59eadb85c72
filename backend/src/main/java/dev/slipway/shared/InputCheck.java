package dev.slipway.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects every problem of a command before failing, so a form or an API client learns about all of
 * them at once instead of one per round trip.
 */
public final class InputCheck {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** Records the problem a rule reported for {@code field}, if any. */
    public InputCheck field(String field, Optional<String> problem) {
        problem.ifPresent(message -> problems.add(new FieldProblem(field, message)));
        return this;
    }

    public InputCheck fail(String field, String message) {
        problems.add(new FieldProblem(field, message));
        return this;
    }

    public boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    /** Throws {@link InvalidInputException} when any problem was recorded. */
    public void throwIfInvalid() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
