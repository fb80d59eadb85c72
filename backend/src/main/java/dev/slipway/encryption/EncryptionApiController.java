package dev.slipway.encryption;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/admin/encryption")
@Tag(name = "Admin")
class EncryptionApiController {

    private final Envelopes envelopes;

    EncryptionApiController(Envelopes envelopes) {
        this.envelopes = envelopes;
    }

    /** How many values the rewrap moved to the current key, which it could not read, and where the keys stand now. */
    record RewrapResult(long rewrapped, java.util.List<java.util.UUID> unreadable, KeyStatus status) {
    }

    @GetMapping
    @Operation(summary = "Which master keys wrap the stored values (platform admins)")
    KeyStatus status(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return envelopes.keyStatus(principal.actor());
    }

    @PostMapping("/rewrap")
    @Operation(summary = "Wrap every value's data key with the current master key, after a rotation; afterwards"
            + " SLIPWAY_PREVIOUS_MASTER_KEYS can be removed (platform admins)")
    RewrapResult rewrap(@AuthenticationPrincipal SlipwayPrincipal principal) {
        RewrapOutcome outcome = envelopes.rewrap(principal.actor());
        return new RewrapResult(outcome.rewrapped(), outcome.unreadable(), envelopes.keyStatus(principal.actor()));
    }
}
