package dev.slipway.shared;

/**
 * What is wrong with one input field.
 *
 * @param field   the field's name as the REST API spells it (forms map it to their own component)
 * @param message what is wrong and what would be accepted
 */
public record FieldProblem(String field, String message) {
}
