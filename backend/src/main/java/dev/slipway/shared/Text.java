package dev.slipway.shared;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Rules for plain text fields that every feature applies the same way. */
public final class Text {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

    private Text() {
    }

    /** Trims and turns null into the empty string, so optional text is never null in the database. */
    public static String clean(@Nullable String value) {
        return value == null ? "" : value.strip();
    }

    /** A problem when {@code value} is longer than {@code max} characters or holds control characters. */
    public static Optional<String> freeText(String value, int max) {
        if (value.length() > max) {
            return Optional.of("is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        if (CONTROL.matcher(value).find()) {
            return Optional.of("contains control characters; use plain text");
        }
        return Optional.empty();
    }

    /** A problem when a required value is blank, otherwise the {@link #freeText} rules. */
    public static Optional<String> requiredText(String value, int max) {
        if (value.isBlank()) {
            return Optional.of("is required");
        }
        return freeText(value, max);
    }

    /**
     * A problem when {@code value} is not a lowercase DNS label of at most {@code max} characters that
     * starts with a letter: the form Kubernetes requires of namespace and Service names, which Slipway
     * derives from app, team and environment names.
     */
    public static Optional<String> dnsLabel(String value, int max, String example) {
        if (value.isEmpty()) {
            return Optional.of("is required");
        }
        if (value.length() > max) {
            return Optional.of("is " + value.length() + " characters long; at most " + max + " are allowed");
        }
        if (!DNS_LABEL.matcher(value).matches()) {
            return Optional.of("must use lowercase letters, digits and '-', start with a letter and end with a letter"
                    + " or digit (for example '" + example + "')");
        }
        return Optional.empty();
    }

    /** Makes {@code %}, {@code _} and the escape character in user input match themselves in a LIKE with escape '\\'. */
    public static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
