package dev.slipway.apps;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The grammar of OCI image references ({@code [registry[:port]/]path[:tag][@digest]}), as the
 * distribution project defines it, so a typo is caught when the app is saved rather than when a pod
 * fails to pull.
 */
public final class ImageReferences {

    public static final int MAX_LENGTH = 512;
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*(?::[0-9]+)?";
    private static final String PATH_COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private static final String NAME = "(?:" + DOMAIN + "/)?" + PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    /** Where a registry's repositories start: host[:port] and path components, in lowercase. */
    private static final Pattern REGISTRY = Pattern.compile(DOMAIN + "(?:/" + PATH_COMPONENT + ")*");
    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::" + TAG + ")?(?:@" + DIGEST + ")?");

    private ImageReferences() {
    }

    /**
     * Whether images can be pushed under this address ({@code host[:port][/path]}): it must start every
     * reference Slipway makes from it, so it follows the same grammar, and lowercase as registries store it.
     */
    public static boolean isRegistryAddress(String address) {
        return address.length() <= 255 && address.equals(address.toLowerCase(java.util.Locale.ROOT))
                && REGISTRY.matcher(address).matches();
    }

    public static Optional<String> problem(String reference) {
        if (reference.isEmpty()) {
            return Optional.of("is required for apps deployed from an image, e.g. registry.example.com/team/app:1.4.2");
        }
        if (reference.length() > MAX_LENGTH) {
            return Optional.of("is " + reference.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        var matcher = REFERENCE.matcher(reference);
        if (!matcher.matches()) {
            return Optional.of("is not a valid image reference; expected [registry/]name[:tag][@sha256:digest] with a"
                    + " lowercase name, e.g. registry.example.com/team/app:1.4.2");
        }
        if (matcher.group(1).length() > 255) {
            return Optional.of("has a repository name longer than 255 characters");
        }
        return Optional.empty();
    }
}
