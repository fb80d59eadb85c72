package dev.slipway.apps;

import java.util.Optional;

/** Branch names as {@code git check-ref-format --branch} accepts them. */
public final class GitRefs {

    public static final int MAX_LENGTH = 255;

    private GitRefs() {
    }

    public static Optional<String> branchProblem(String branch) {
        if (branch.isEmpty()) {
            return Optional.of("is required, e.g. main");
        }
        if (branch.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        boolean badChar = branch.chars().anyMatch(c -> c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0);
        if (badChar || branch.contains("..") || branch.contains("@{") || branch.contains("//")
                || branch.startsWith("/") || branch.endsWith("/") || branch.endsWith(".") || branch.startsWith("-")
                || branch.equals("@")) {
            return Optional.of("is not a valid git branch name (no spaces, '..', '~', '^', ':', '?', '*', '[', '\\',"
                    + " and no leading or trailing '/')");
        }
        for (String part : branch.split("/")) {
            if (part.startsWith(".") || part.endsWith(".lock")) {
                return Optional.of("has a part that starts with '.' or ends with '.lock', which git does not allow");
            }
        }
        return Optional.empty();
    }
}
