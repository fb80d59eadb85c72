package dev.slipway.audit;

import dev.slipway.api.PageResponse;
import dev.slipway.api.Paging;
import dev.slipway.shared.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit log", description = "Who changed what. Entries never hold secret values.")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    // The caller comes from the principal by expression rather than as a SlipwayPrincipal: the security
    // feature records its changes in this one, so naming the principal's class here would be a cycle.
    @GetMapping("/api/v1/audit-events")
    @Operation(summary = "The audit log, newest first, filtered (platform admins)",
            description = "Filters combine; a filter left out matches everything. Times are ISO-8601 instants,"
                    + " e.g. 2026-11-01T00:00:00Z.")
    PageResponse<AuditEntry> search(
            @AuthenticationPrincipal(expression = "actor()") Actor caller,
            @Parameter(description = "Who made the change: exact username")
            @RequestParam(name = "actor", required = false) @Nullable String actor,
            @Parameter(description = "Only entries of this team: exact team name")
            @RequestParam(required = false) @Nullable String team,
            @Parameter(description = "Only entries about this app (deploys, config, builds, ...): exact app name")
            @RequestParam(required = false) @Nullable String app,
            @Parameter(description = "An action or its prefix: 'app.' matches every app action, 'user.disabled'"
                    + " only that one")
            @RequestParam(required = false) @Nullable String action,
            @Parameter(description = "Part of the changed thing's name, case-insensitive")
            @RequestParam(required = false) @Nullable String target,
            @Parameter(description = "Entries at or after this instant", example = "2026-11-01T00:00:00Z")
            @RequestParam(required = false) @Nullable Instant from,
            @Parameter(description = "Entries before this instant; must be later than from", example = "2026-11-02T00:00:00Z")
            @RequestParam(required = false) @Nullable Instant to,
            @Parameter(description = "Zero-based page number", schema = @Schema(minimum = "0", maximum = "100000",
                    defaultValue = "0"))
            @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "Entries per page", schema = @Schema(minimum = "1", maximum = "100",
                    defaultValue = "20"))
            @RequestParam(defaultValue = "20") int size) {
        AuditQuery query = new AuditQuery(actor, action, target, team, app, from, to);
        return PageResponse.of(audit.search(caller, query, Paging.of(page, size, Sort.unsorted())));
    }
}
