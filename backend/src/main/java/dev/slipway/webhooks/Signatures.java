package dev.slipway.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.http.HttpHeaders;

/**
 * Checks that a delivery comes from someone who knows the app's secret. Compares in constant time, so the
 * time a wrong signature takes to refuse says nothing about how much of it was right.
 */
final class Signatures {

    private Signatures() {
    }

    /**
     * Why the delivery is not authentic, or empty when it is. GitHub signs the body as sent, form or JSON;
     * Gitea and Forgejo sign the JSON document, which a form carries URL-encoded in its payload field, so
     * for them a form is decoded (not interpreted) to find the signed bytes.
     */
    static Optional<String> problem(WebhookProvider provider, WebhookRequest request, String secret) {
        HttpHeaders header = request.headers();
        return switch (provider) {
            case GITLAB -> {
                String token = header.getFirst("X-Gitlab-Token");
                if (token == null) {
                    yield Optional.of("the X-Gitlab-Token header is missing; set the app's webhook secret as the"
                            + " hook's secret token in GitLab");
                }
                yield equal(token.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))
                        ? Optional.empty() : Optional.of("the X-Gitlab-Token does not match the app's webhook secret");
            }
            case GITHUB, GITEA -> {
                String signature = header.getFirst("X-Hub-Signature-256");
                if (signature == null && provider == WebhookProvider.GITEA) {
                    String bare = Optional.ofNullable(header.getFirst("X-Forgejo-Signature"))
                            .orElse(header.getFirst("X-Gitea-Signature"));
                    signature = bare == null ? null : "sha256=" + bare;
                }
                if (signature == null || !signature.startsWith("sha256=")) {
                    yield Optional.of("the X-Hub-Signature-256 header is missing; set the app's webhook secret as the"
                            + " hook's secret");
                }
                byte[] signed = provider == WebhookProvider.GITEA && request.formEncoded()
                        ? request.document().orElse(request.body()) : request.body();
                byte[] expected = HexFormat.of().formatHex(hmac(secret, signed)).getBytes(StandardCharsets.US_ASCII);
                byte[] given = signature.substring("sha256=".length()).toLowerCase(Locale.ROOT)
                        .getBytes(StandardCharsets.US_ASCII);
                yield equal(given, expected) ? Optional.empty()
                        : Optional.of("the X-Hub-Signature-256 does not match the body signed with the app's webhook"
                                + " secret (a different secret, or the body was changed on the way)");
            }
        };
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** Constant time in the length of the expected value. */
    private static boolean equal(byte[] given, byte[] expected) {
        return MessageDigest.isEqual(given, expected);
    }
}
