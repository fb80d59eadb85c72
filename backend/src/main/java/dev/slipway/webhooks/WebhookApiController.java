package dev.slipway.webhooks;

import dev.slipway.api.PageResponse;
import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

    @GetMapping("/deliveries")
    @Operation(summary = "The app's deliveries with their outcome, newest first (VIEWER)")
    PageResponse<DeliveryView> deliveries(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                          @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "20") int size) {
        return PageResponse.of(webhooks.deliveries(principal.actor(), app,
                PageRequest.of(Math.max(page, 0), Math.clamp(size, 1, 100))));
    }

    @GetMapping("/deliveries/{id}")
    @Operation(summary = "One delivery: its request headers (signatures and tokens redacted), body and outcome (VIEWER)")
    DeliveryDetail delivery(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                            @PathVariable long id) {
        return webhooks.delivery(principal.actor(), app, id);
    }

    @PostMapping("/deliveries/{id}/redeliver")
    @Operation(summary = "Process a verified delivery again as a new delivery that names it (DEVELOPER); it gets the"
            + " outcome it gets now and may build. 409 for a refused delivery, one whose request is no longer kept, or"
            + " one verified with a secret rotated since")
    ResponseEntity<Redelivery> redeliver(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                         @PathVariable long id) {
        Redelivery redelivery = webhooks.redeliver(principal.actor(), app, id);
        return ResponseEntity.created(URI.create("/api/v1/apps/" + app + "/webhook/deliveries/"
                + redelivery.delivery().id())).body(redelivery);
    }

    @PostMapping("/secret")
    @Operation(summary = "Generate or rotate the app's webhook secret (MAINTAINER); returned once, the old one stops"
            + " working at once")
    CreatedSecret rotate(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return new CreatedSecret(webhooks.rotateSecret(principal.actor(), app));
    }
}
