package dev.slipway.promotions;

import dev.slipway.rollouts.DeployPreview;
import dev.slipway.security.SlipwayPrincipal;
import dev.slipway.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/apps/{app}/promotions")
@Tag(name = "Promotions")
class PromotionApiController {

    private final PromotionService promotions;

    PromotionApiController(PromotionService promotions) {
        this.promotions = promotions;
    }

    record PromotionRequest(@Nullable String from, @Nullable String to) {
    }

    record Decision(@Schema(maxLength = 1000) @Nullable String comment) {
    }

    @GetMapping
    List<PromotionView> list(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app) {
        return promotions.list(principal.actor(), app);
    }

    @GetMapping("/preview")
    @Operation(summary = "What promoting from one environment to another would change in the target")
    DeployPreview preview(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                          @RequestParam String from, @RequestParam String to) {
        return promotions.preview(principal.actor(), app, from, to);
    }

    @PostMapping
    @Operation(summary = "Run what runs in `from` in `to`, with `to`'s config and settings (DEVELOPER). Into a"
            + " protected environment it waits for a MAINTAINER other than you")
    ResponseEntity<PromotionView> promote(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                                          @RequestBody PromotionRequest request) {
        if (request.from() == null || request.to() == null) {
            throw new InvalidInputException(request.from() == null ? "from" : "to",
                    "is required: promotions name the environment to take the release from and the one to run it in");
        }
        PromotionView promotion = promotions.promote(principal.actor(), app, request.from(), request.to());
        return ResponseEntity.status(promotion.status() == PromotionStatus.PENDING ? HttpStatus.ACCEPTED : HttpStatus.CREATED)
                .body(promotion);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve and deploy a pending promotion (a MAINTAINER who did not request it)")
    PromotionView approve(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                          @PathVariable long id, @RequestBody(required = false) @Nullable Decision decision) {
        return promotions.approve(principal.actor(), app, id, decision == null ? null : decision.comment());
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a pending promotion (a MAINTAINER), or withdraw your own")
    PromotionView reject(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String app,
                         @PathVariable long id, @RequestBody(required = false) @Nullable Decision decision) {
        return promotions.reject(principal.actor(), app, id, decision == null ? null : decision.comment());
    }
}
