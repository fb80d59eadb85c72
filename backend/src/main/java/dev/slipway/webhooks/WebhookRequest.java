package dev.slipway.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A delivery's request: its headers and its body, byte for byte as received (signatures cover those
 * bytes). GitHub and Gitea send the JSON either as the body ({@code application/json}) or as the form field
 * {@code payload} ({@code application/x-www-form-urlencoded}); GitLab always sends JSON.
 */
record WebhookRequest(HttpHeaders headers, byte[] body) {

    private static final String FORM_FIELD = "payload";

    /** Whether the body is a form, whose {@code payload} field holds the JSON. */
    boolean formEncoded() {
        String contentType = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * The JSON document the provider sent: the body itself, or for a form its {@code payload} field.
     * Empty when a form has no such field, or one that is not validly URL-encoded.
     */
    Optional<byte[]> document() {
        return formEncoded() ? formField(body).map(value -> value.getBytes(StandardCharsets.UTF_8)) : Optional.of(body);
    }

    /** The {@code payload} field of a URL-encoded form body (providers encode it as UTF-8). */
    private static Optional<String> formField(byte[] body) {
        // ISO-8859-1 maps each byte to one char, so the percent escapes survive until URLDecoder reads them
        for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            if (name.equals(FORM_FIELD)) {
                try {
                    return Optional.of(URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1),
                            StandardCharsets.UTF_8));
                } catch (IllegalArgumentException badEscape) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
