package dev.slipway.webhooks;

import dev.slipway.api.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /hooks/{github|gitlab|gitea}/{app}}: the body is read raw, JSON or form alike (the signature
 * covers its exact bytes), and never beyond {@link WebhookService#MAX_BODY_BYTES}.
 */
@RestController
class WebhookController {

    private final WebhookService webhooks;
    private final ProblemWriter problems;

    WebhookController(WebhookService webhooks, ProblemWriter problems) {
        this.webhooks = webhooks;
        this.problems = problems;
    }

    @PostMapping("/hooks/{provider}/{app}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String provider, @PathVariable String app,
                                                @RequestHeader HttpHeaders headers, HttpServletRequest request,
                                                HttpServletResponse response)
            throws IOException {
        WebhookProvider kind = WebhookProvider.byPath(provider).orElse(null);
        if (kind == null) {
            problems.write(response, HttpStatus.NOT_FOUND, "unknown-provider", "Unknown provider", "Slipway takes"
                    + " webhooks at /hooks/github/<app>, /hooks/gitlab/<app> and /hooks/gitea/<app>.");
            return null;
        }
        if (request.getContentLengthLong() > WebhookService.MAX_BODY_BYTES) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Delivery too large",
                    "The body is " + request.getContentLengthLong() + " bytes; Slipway takes at most "
                            + WebhookService.MAX_BODY_BYTES + " bytes per delivery.");
            return null;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(WebhookService.MAX_BODY_BYTES + 1);
        }
        if (body.length > WebhookService.MAX_BODY_BYTES) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Delivery too large",
                    "The body is larger than " + WebhookService.MAX_BODY_BYTES + " bytes, the most Slipway takes.");
            return null;
        }
        WebhookService.Receipt receipt = webhooks.receive(kind, app, headers, body);
        if (receipt.status() == HttpStatus.UNAUTHORIZED.value()) {
            problems.write(response, HttpStatus.UNAUTHORIZED, "bad-signature", "Delivery refused", receipt.message());
            return null;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", receipt.outcome().name());
        answer.put("message", receipt.message());
        answer.put("delivery", receipt.delivery());
        if (receipt.build() != null) {
            answer.put("build", receipt.build());
        }
        return ResponseEntity.status(receipt.status()).contentType(MediaType.APPLICATION_JSON).body(answer);
    }
}
