package dev.slipway.webhooks;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/webhook")
@Tag(name = "Webhooks")
class WebhookApiController {

    private final WebhookService webhooks;

    WebhookApiController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    /** The new secret: shown this once, set it in the provider's hook. */
    record CreatedSecret(String secret) {

        @Override
        public String toString() {
            return "CreatedSecret[hidden]";
        }
    }

    @GetMapping
    @Operation(summary = "The hook's paths per provider, whether a secret is set, and the recent deliveries with outcomes")
    WebhookInfo info(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return webhooks.info(principal.actor(), app);
    }

    @PostMapping("/secret")
    @Operation(summary = "Generate or rotate the app's webhook secret (MAINTAINER); returned once, the old one stops"
            + " working at once")
    CreatedSecret rotate(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return new CreatedSecret(webhooks.rotateSecret(principal.actor(), app));
    }
}
