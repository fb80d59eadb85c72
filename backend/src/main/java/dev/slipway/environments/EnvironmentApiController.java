package dev.slipway.environments;

import dev.slipway.security.SlipwayPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/environments")
@Tag(name = "Environments")
class EnvironmentApiController {

    private final EnvironmentService environments;

    EnvironmentApiController(EnvironmentService environments) {
        this.environments = environments;
    }

    @GetMapping
    @Operation(summary = "All environments in promotion order")
    List<EnvironmentView> list() {
        return environments.list();
    }

    @GetMapping("/{name}")
    EnvironmentView get(@PathVariable String name) {
        return environments.get(name);
    }

    @PostMapping
    @Operation(summary = "Create an environment after the existing ones (platform admins)")
    ResponseEntity<EnvironmentView> create(@AuthenticationPrincipal SlipwayPrincipal principal,
                                           @RequestBody EnvironmentSpec spec) {
        EnvironmentView created = environments.create(principal.actor(), spec);
        return ResponseEntity.created(URI.create("/api/v1/environments/" + created.name())).body(created);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change an environment (platform admins)")
    EnvironmentView update(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name,
                           @RequestBody EnvironmentSpec spec) {
        return environments.update(principal.actor(), name, spec);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "Delete an environment (platform admins)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String name) {
        environments.delete(principal.actor(), name);
        return ResponseEntity.noContent().build();
    }
}
