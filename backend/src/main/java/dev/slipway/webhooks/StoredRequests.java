package dev.slipway.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a delivery's headers are kept and shown. Anything that proves knowledge of the secret is redacted
 * before it is stored: a signature with its body lets whoever reads both send that body again under a new
 * delivery id (the signature does not cover the id), and GitLab's token is the secret itself. A team's
 * VIEWERs read this page, and nothing on it may let them act as the provider.
 */
final class StoredRequests {

    static final String REDACTED = "[redacted]";
    /** Words in a header's name that mark it as carrying a secret or proof of one, whatever the provider. */
    private static final List<String> SECRET_WORDS = List.of("signature", "token", "secret", "authorization", "cookie",
            "password");
    /**
     * Headers of a refused delivery come from anyone on the network, so what is kept is bounded: providers
     * send about fifteen headers of less than a hundred characters.
     */
    private static final int MAX_HEADERS = 60;
    private static final int MAX_NAME = 100;
    private static final int MAX_VALUE = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private StoredRequests() {
    }

    /** The request's headers as they are stored: in order, bounded, secrets redacted. */
    static List<DeliveryDetail.Header> redacted(HttpHeaders headers) {
        List<DeliveryDetail.Header> kept = new ArrayList<>();
        headers.forEach((name, values) -> {
            for (String value : values) {
                if (kept.size() < MAX_HEADERS) {
                    kept.add(new DeliveryDetail.Header(cut(name, MAX_NAME), secret(name) ? REDACTED : cut(value, MAX_VALUE)));
                }
            }
        });
        return kept;
    }

    static boolean secret(String headerName) {
        String name = headerName.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }

    static String json(List<DeliveryDetail.Header> headers) {
        return JSON.writeValueAsString(headers);
    }

    static List<DeliveryDetail.Header> fromJson(@Nullable String json) {
        return json == null ? List.of() : JSON.readValue(json, new TypeReference<List<DeliveryDetail.Header>>() {
        });
    }

    /** Stored headers as a request has them again, for a redelivery (redacted ones stay redacted). */
    static HttpHeaders headers(List<DeliveryDetail.Header> stored) {
        HttpHeaders headers = new HttpHeaders();
        stored.forEach(header -> headers.add(header.name(), header.value()));
        return headers;
    }

    /** The JSON document indented for reading, or null when it is not JSON. */
    static @Nullable String pretty(byte[] document) {
        try {
            JsonNode tree = JSON.readTree(document);
            return tree == null || tree.isMissingNode() ? null : PRETTY.writeValueAsString(tree);
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max) + "...";
    }
}
