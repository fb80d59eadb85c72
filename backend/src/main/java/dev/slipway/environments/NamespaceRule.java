package dev.slipway.environments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The template that names the namespace an app gets in an environment, such as {@code {app}-{env}} or
 * {@code {team}-{env}}. Placeholders: {@code {app}}, {@code {team}}, {@code {env}}.
 */
public final class NamespaceRule {

    public static final String DEFAULT_TEMPLATE = "{app}-{env}";
    static final int MAX_TEMPLATE_LENGTH = 100;
    private static final int MAX_NAMESPACE_LENGTH = 63;
    private static final int HASH_LENGTH = 8;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(app|team|env)}");
    private static final Pattern LITERAL = Pattern.compile("[a-z0-9-]*");

    private NamespaceRule() {
    }

    public static Optional<String> templateProblem(String template) {
        if (template.isBlank()) {
            return Optional.of("is required, e.g. " + DEFAULT_TEMPLATE);
        }
        if (template.length() > MAX_TEMPLATE_LENGTH) {
            return Optional.of("is longer than " + MAX_TEMPLATE_LENGTH + " characters");
        }
        String literal = PLACEHOLDER.matcher(template).replaceAll("");
        if (!LITERAL.matcher(literal).matches()) {
            return Optional.of("may contain only lowercase letters, digits, '-' and the placeholders {app}, {team}"
                    + " and {env}");
        }
        String sample = render(template, "t", "a", "e");
        if (!Character.isLetter(sample.charAt(0)) || sample.endsWith("-")) {
            return Optional.of("must start with a letter or placeholder and must not end with '-'");
        }
        return Optional.empty();
    }

    /**
     * The namespace for an app. Names over Kubernetes' 63 characters are cut and given a hash of the full
     * name, so they stay unique and stable, as Helm and Argo CD do.
     */
    public static String render(String template, String team, String app, String env) {
        String full = template.replace("{app}", app).replace("{team}", team).replace("{env}", env);
        if (full.length() <= MAX_NAMESPACE_LENGTH) {
            return full;
        }
        String head = full.substring(0, MAX_NAMESPACE_LENGTH - HASH_LENGTH - 1).replaceAll("-+$", "");
        return head + "-" + sha256Hex(full).substring(0, HASH_LENGTH);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
