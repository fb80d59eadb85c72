package dev.slipway.api;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Jackson's complaints about unreadable JSON, in words for the person who sent it: what is wrong and
 * where, without class names, token types or the library's own settings.
 */
final class JsonErrors {

    /** Where Jackson appends its source description or internal names; everything from there is cut. */
    private static final Pattern INTERNAL_TAIL = Pattern.compile("\\s*(\\(start marker at|\\[Source|\\(from `|at \\[|\\(for"
            + " |\\(code \\d+\\)\\)?:?).*", Pattern.DOTALL);
    private static final Pattern BACKTICKED = Pattern.compile("`[^`]*`");

    private JsonErrors() {
    }

    /** For a body that is not JSON at all. */
    static String syntax(JacksonException e) {
        if (e instanceof StreamConstraintsException) {
            return "is nested too deeply or holds a value too large to read; send a flatter, smaller document";
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        message = INTERNAL_TAIL.matcher(message).replaceFirst("");
        message = BACKTICKED.matcher(message).replaceAll("a value").strip();
        TokenStreamLocation location = e.getLocation();
        String where = location != null && location.getLineNr() > 0
                ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
        if (message.isEmpty()) {
            message = "cannot be read";
        }
        return "is not valid JSON: " + lowerFirst(message) + where;
    }

    /** Where in the body a binding error is, as the API names fields: {@code blueGreen.previewReplicas}, {@code remove[2]}. */
    static String path(JacksonException e) {
        StringBuilder out = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                out.append(out.isEmpty() ? "" : ".").append(JsonBodyRules.printable(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                out.append('[').append(reference.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
