package dev.slipway.registries;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
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

@RestController
@RequestMapping("/api/v1/registries")
@Tag(name = "Registries")
class RegistryApiController {

    private final RegistryService registries;

    RegistryApiController(RegistryService registries) {
        this.registries = registries;
    }

    record Assignment(@Nullable String registry) {
    }

    @GetMapping
    @Operation(summary = "Registered container registries (platform admins; passwords are never returned)")
    List<RegistryView> list(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return registries.list(principal.actor());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a registry (platform admins)")
    RegistryView create(@AuthenticationPrincipal SlipwayPrincipal principal, @RequestBody RegistrySpec spec) {
        return registries.create(principal.actor(), spec);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a registry; a null password keeps the stored one, an empty one removes it")
    RegistryView update(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                        @RequestBody RegistrySpec spec) {
        return registries.update(principal.actor(), name, spec);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        registries.delete(principal.actor(), name);
    }

    @GetMapping("/environments")
    @Operation(summary = "Per environment, the registry it takes images from (null: the platform registry)")
    Map<String, @Nullable String> assignments(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return registries.assignments(principal.actor());
    }

    @PutMapping("/environments/{environment}")
    @Operation(summary = "Choose the registry an environment takes images from (null: the platform registry)")
    Map<String, @Nullable String> assign(@AuthenticationPrincipal SlipwayPrincipal principal,
                                         @PathVariable String environment, @RequestBody Assignment assignment) {
        registries.assign(principal.actor(), environment, assignment.registry());
        return registries.assignments(principal.actor());
    }
}
