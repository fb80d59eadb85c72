package dev.slipway.analysis;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Metric templates over HTTP. A template's owner in paths is "platform" or a team's name. */
@RestController
@RequestMapping("/api/v1/metric-templates")
@Tag(name = "Metric templates")
class MetricTemplateApiController {

    /** How paths name the platform as a template's owner; no team can be called this (team names are longer). */
    static final String PLATFORM = "platform";

    private final MetricTemplateService templates;

    MetricTemplateApiController(MetricTemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "Built-in, platform and your teams' metric templates")
    List<MetricTemplateView> list(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return templates.list(principal.actor());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write a template: team null for the platform's (platform admins), else the team's (MAINTAINER)")
    MetricTemplateView create(@AuthenticationPrincipal SlipwayPrincipal principal, @RequestBody MetricTemplateSpec spec) {
        return templates.create(principal.actor(), spec);
    }

    @PutMapping("/{owner}/{key}")
    @Operation(summary = "Change a template; rollouts measure with it from their next measurement")
    MetricTemplateView update(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String owner,
                              @PathVariable String key, @RequestBody MetricTemplateSpec spec) {
        return templates.update(principal.actor(), team(owner), key, spec);
    }

    @DeleteMapping("/{owner}/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a template")
    void delete(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String owner,
                @PathVariable String key) {
        templates.delete(principal.actor(), team(owner), key);
    }

    private static @Nullable String team(String owner) {
        return PLATFORM.equals(owner) ? null : owner;
    }
}
