package dev.slipway.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * How values look in human output. Everything printed for a person passes {@link #clean} or
 * {@link #line} first: rollout reasons come from the cluster and build logs from untrusted builds, and
 * neither may move the cursor, recolour the terminal or forge an extra line.
 */
public final class Text {

    /** Terminal escape sequences (CSI ... final byte, OSC ... BEL/ST, single ESC x). */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B][^\u0007\u001B]*(\u0007|\u001B\\\\)?|\u001B.?");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Text() {
    }

    /** One line for a table cell or a message: escapes removed, line breaks and other controls become spaces. */
    public static String clean(String text) {
        String stripped = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        stripped.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return out.toString().strip();
    }

    /** A line of a log as it was written, tabs kept, escapes and other control characters removed. */
    public static String line(String text) {
        String stripped = ESCAPES.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(stripped.length());
        stripped.codePoints().filter(c -> c == '\t' || !Character.isISOControl(c)).forEach(out::appendCodePoint);
        return out.toString();
    }

    /** When, relative to now: "3m ago", "in 29d", "just now". */
    public static String relative(Instant when, Instant now) {
        Duration between = Duration.between(when, now);
        if (between.abs().toSeconds() < 1) {
            return "just now";
        }
        return between.isNegative() ? "in " + span(between.negated()) : span(between) + " ago";
    }

    /** A length of time in its largest whole unit, as kubectl shows ages: 45s, 3m, 5h, 12d. */
    public static String span(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + "h";
        }
        return seconds / 86400 + "d";
    }

    /** The time of day of an instant in the user's zone, for timeline lines: 19:25:22. */
    public static String clock(Instant when, ZoneId zone) {
        return CLOCK.format(when.atZone(zone));
    }

    /** A date and time in the user's zone: 2026-12-03 19:25. */
    public static String dateTime(Instant when, ZoneId zone) {
        return DATE_TIME.format(when.atZone(zone));
    }

    /** The text cut to {@code max} characters with an ellipsis, for long cells such as commit messages. */
    public static String shorten(String text, int max) {
        String first = text.lines().findFirst().orElse("");
        return first.length() <= max ? first : first.substring(0, Math.max(0, max - 1)) + "…";
    }
}
