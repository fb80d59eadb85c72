package dev.slipway.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What changed between two configs, key by key. Variables show their old and new values (anyone who may
 * see the config may see them); secrets show only their version numbers.
 */
public record ConfigDiff(List<KeyChange> changes) {

    public static final ConfigDiff NONE = new ConfigDiff(List.of());

    public enum Kind { VARIABLE, SECRET }

    public enum Change { ADDED, REMOVED, CHANGED }

    /**
     * @param from for a variable its old value, for a secret "v2"; null when added
     * @param to   for a variable its new value, for a secret "v3"; null when removed
     */
    public record KeyChange(String name, Kind kind, Change change, @Nullable String from, @Nullable String to) {

        /** In words, e.g. "secret DB_PASSWORD changed (v1 → v2)". */
        public String describe() {
            String what = (kind == Kind.SECRET ? "secret " : "variable ") + name;
            return switch (change) {
                case ADDED -> what + " added";
                case REMOVED -> what + " removed";
                case CHANGED -> what + " changed" + (kind == Kind.SECRET ? " (" + from + " → " + to + ")" : "");
            };
        }
    }

    static ConfigDiff between(ConfigEntries before, ConfigEntries after) {
        List<KeyChange> changes = new ArrayList<>();
        for (String name : union(before.variables(), after.variables())) {
            String from = before.variables().get(name);
            String to = after.variables().get(name);
            if (from == null) {
                changes.add(new KeyChange(name, Kind.VARIABLE, Change.ADDED, null, to));
            } else if (to == null) {
                changes.add(new KeyChange(name, Kind.VARIABLE, Change.REMOVED, from, null));
            } else if (!from.equals(to)) {
                changes.add(new KeyChange(name, Kind.VARIABLE, Change.CHANGED, from, to));
            }
        }
        for (String name : union(before.secrets(), after.secrets())) {
            ConfigEntries.SecretEntry from = before.secrets().get(name);
            ConfigEntries.SecretEntry to = after.secrets().get(name);
            if (from == null) {
                changes.add(new KeyChange(name, Kind.SECRET, Change.ADDED, null, "v" + Objects.requireNonNull(to).version()));
            } else if (to == null) {
                changes.add(new KeyChange(name, Kind.SECRET, Change.REMOVED, "v" + from.version(), null));
            } else if (!from.sealedId().equals(to.sealedId())) {
                changes.add(new KeyChange(name, Kind.SECRET, Change.CHANGED, "v" + from.version(), "v" + to.version()));
            }
        }
        return new ConfigDiff(List.copyOf(changes));
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** Key names only, grouped: "added A, B; changed C; removed D". Safe for audit details and timelines. */
    public String summary() {
        if (changes.isEmpty()) {
            return "no changes";
        }
        List<String> parts = new ArrayList<>();
        for (Change change : Change.values()) {
            String names = changes.stream().filter(c -> c.change() == change).map(KeyChange::name)
                    .collect(Collectors.joining(", "));
            if (!names.isEmpty()) {
                parts.add(change.name().toLowerCase() + " " + names);
            }
        }
        return String.join("; ", parts);
    }

    private static TreeSet<String> union(Map<String, ?> a, Map<String, ?> b) {
        TreeSet<String> names = new TreeSet<>(a.keySet());
        names.addAll(b.keySet());
        return names;
    }
}
