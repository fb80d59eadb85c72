package dev.slipway.builds;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces every known secret value in a line of log output. Longest values first, so a secret that
 * contains another is masked whole. Values shorter than {@value #MIN_LENGTH} characters are left alone:
 * masking "1" or "on" would shred every line without hiding anything worth hiding.
 */
public final class SecretMask {

    static final String MASK = "••••••";
    static final int MIN_LENGTH = 4;

    private final List<String> values;

    public SecretMask(Collection<String> secrets) {
        this.values = secrets.stream().filter(v -> v.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    public static SecretMask none() {
        return new SecretMask(List.of());
    }

    public String apply(String line) {
        String masked = line;
        for (String value : values) {
            masked = masked.replace(value, MASK);
        }
        return masked;
    }
}
