package dev.slipway.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Account")
class MeApiController {

    private final UserService users;

    MeApiController(UserService users) {
        this.users = users;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who the presented token belongs to: a quick check that a token works")
    UserView me(@AuthenticationPrincipal SlipwayPrincipal principal) {
        return users.find(principal.getUsername()).orElseThrow();
    }
}
