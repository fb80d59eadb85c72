package dev.slipway.environments;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How requests reach an environment's apps when it has a traffic router that can split them by exact
 * weights: Slipway then manages each app's Ingress or HTTPRoute, and a canary gets exactly the share its
 * step sets, whatever the number of pods.
 *
 * @param hostTemplate the app's host name with {app}, {team} and {env} placeholders
 * @param gateway      Gateway API only: the Gateway to attach to, as namespace/name
 */
public record TrafficRouting(Router router, String hostTemplate, @Nullable String gateway) {

    public enum Router {
        /** ingress-nginx: the app's Ingress, and a canary Ingress with nginx.ingress.kubernetes.io/canary-weight */
        INGRESS_NGINX,
        /** Gateway API: the app's HTTPRoute, with a weight per backend Service */
        GATEWAY_API
    }

    private static final Pattern HOST_LITERAL = Pattern.compile("[a-z0-9.-]*");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    /** The host of an app, e.g. checkout-prod.apps.example.com. */
    public String hostFor(String team, String app, String environment) {
        return hostTemplate.replace("{app}", app).replace("{team}", team).replace("{env}", environment);
    }

    public String gatewayNamespace() {
        return gateway == null ? "" : gateway.substring(0, gateway.indexOf('/'));
    }

    public String gatewayName() {
        return gateway == null ? "" : gateway.substring(gateway.indexOf('/') + 1);
    }

    /** What is wrong with a host template, in words; empty when it renders to host names. */
    static Optional<String> hostProblem(String template) {
        String literal = template.replace("{app}", "").replace("{team}", "").replace("{env}", "");
        if (template.isBlank() || template.length() > 200 || !HOST_LITERAL.matcher(literal).matches()
                || !template.contains("{app}")) {
            return Optional.of("must be a host name with {app} in it, e.g. {app}-{env}.apps.example.com (lower-case"
                    + " letters, digits, '-' and '.'), so every app gets its own");
        }
        String sample = template.replace("{app}", "app").replace("{team}", "team").replace("{env}", "env");
        for (String label : sample.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return Optional.of("must be dot-separated DNS labels, e.g. {app}-{env}.apps.example.com");
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a Gateway reference, in words; empty when it is namespace/name. */
    static Optional<String> gatewayProblem(@Nullable String gateway) {
        if (gateway == null || !gateway.matches("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?/[a-z0-9]([a-z0-9.-]{0,61}[a-z0-9])?")) {
            return Optional.of("must name the Gateway as namespace/name, e.g. gateway-system/public");
        }
        return Optional.empty();
    }
}
