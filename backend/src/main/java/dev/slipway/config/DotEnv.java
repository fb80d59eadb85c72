package dev.slipway.config;

import dev.slipway.shared.FieldProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code .env} format people paste: {@code NAME=value} per line, {@code export } allowed in
 * front, {@code #} comments, values in double quotes (with \n, \", \\ escapes) or single quotes (taken as
 * they are). Every bad line is reported with its number; values never appear in a problem.
 */
final class DotEnv {

    /** The entries in paste order, and the problems; entries count only when there are no problems. */
    record Parsed(Map<String, String> entries, List<FieldProblem> problems) {
    }

    private DotEnv() {
    }

    static Parsed parse(String text) {
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new HashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int number = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                problems.add(problem(number, "is not NAME=value"));
                continue;
            }
            String name = line.substring(0, equals).strip();
            String raw = line.substring(equals + 1).strip();
            String value;
            try {
                value = value(raw);
            } catch (IllegalArgumentException e) {
                problems.add(problem(number, name + ": " + e.getMessage()));
                continue;
            }
            ConfigRules.nameProblem(name).ifPresent(p -> problems.add(problem(number, p)));
            Integer earlier = lineOf.putIfAbsent(name, number);
            if (earlier != null) {
                problems.add(problem(number, name + " is already set on line " + earlier));
                continue;
            }
            entries.put(name, value);
        }
        if (entries.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("text", "holds no NAME=value lines"));
        }
        return new Parsed(entries, problems);
    }

    private static String value(String raw) {
        if (raw.startsWith("\"")) {
            int end = closing(raw);
            if (end < 0) {
                throw new IllegalArgumentException("the double quote is not closed on this line (multi-line values"
                        + " are written with \\n inside double quotes)");
            }
            requireNothingAfter(raw, end);
            return unescape(raw.substring(1, end));
        }
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw new IllegalArgumentException("the single quote is not closed on this line");
            }
            requireNothingAfter(raw, end);
            return raw.substring(1, end);
        }
        int comment = raw.indexOf(" #");
        return (comment >= 0 ? raw.substring(0, comment) : raw).strip();
    }

    private static int closing(String raw) {
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static void requireNothingAfter(String raw, int end) {
        String rest = raw.substring(end + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#")) {
            throw new IllegalArgumentException("there is text after the closing quote");
        }
    }

    private static String unescape(String quoted) {
        StringBuilder out = new StringBuilder(quoted.length());
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < quoted.length()) {
                char next = quoted.charAt(++i);
                switch (next) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    default -> out.append(next);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static FieldProblem problem(int line, String message) {
        return new FieldProblem("line " + line, message);
    }
}
