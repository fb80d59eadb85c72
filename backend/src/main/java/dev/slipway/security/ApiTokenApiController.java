package dev.slipway.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own API tokens, as under Account > API tokens in the UI. */
@RestController
@RequestMapping("/api/v1/account/tokens")
@Tag(name = "Account")
class ApiTokenApiController {

    private final ApiTokenService tokens;

    ApiTokenApiController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @Schema(name = "NewApiToken")
    record NewToken(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100,
                    description = "Where the token is used, e.g. 'ci-deploy'; unique among your tokens")
            @Nullable String name,
            @Schema(description = "How long the token works, as an ISO-8601 duration (P30D, PT12H); leave it out for"
                    + " a token that never expires", example = "P90D", type = "string")
            @Nullable Duration validFor,
            @Schema(description = "true for a token that may only read (GET requests), whatever your rights are",
                    defaultValue = "false")
            @Nullable Boolean readOnly) {
    }

    record RevokedTokens(@Schema(description = "How many tokens that still worked were revoked") int revoked) {
    }

    @GetMapping
    @Operation(summary = "Your API tokens, newest first, with when each expires and was last used (never the token)")
    List<ApiTokenView> list(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return tokens.list(principal.actor());
    }

    @PostMapping
    @Operation(summary = "Create an API token; the token itself is in this answer only (authenticate with a browser"
            + " session or an existing token)")
    ResponseEntity<CreatedApiToken> create(@AuthenticationPrincipal SlipwayPrincipal principal,
                                           @RequestBody NewToken request) {
        CreatedApiToken created = tokens.create(principal.actor(), request.name() == null ? "" : request.name(),
                request.validFor(), Boolean.TRUE.equals(request.readOnly()));
        return ResponseEntity.created(URI.create("/api/v1/account/tokens/" + created.token().id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke one of your tokens; scripts using it are refused from their next call")
    ResponseEntity<Void> revoke(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable long id) {
        tokens.revoke(principal.actor(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/revoke-all")
    @Operation(summary = "Revoke every token of yours that still works, the one making this call included")
    RevokedTokens revokeAll(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return new RevokedTokens(tokens.revokeAll(principal.actor()));
    }
}
