package dev.slipway.security;

import dev.slipway.api.PageResponse;
import dev.slipway.api.Paging;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.Text;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Users page of the admin console as REST: each change is its own request, as it is its own button
 * there, so a refused one (the last admin, say) leaves the others untouched.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "Local accounts, administered by platform admins. Password hashes are never"
        + " returned.")
class UserApiController {

    private final UserService users;

    UserApiController(UserService users) {
        this.users = users;
    }

    @Schema(name = "NewUserRequest", description = "An account to create")
    record NewUserRequest(
            @Schema(description = "Used to sign in and in the audit log; cannot be changed later. Lowercase letters,"
                    + " digits, '.', '_' and '-', starting with a letter or digit", example = "jane.doe",
                    requiredMode = Schema.RequiredMode.REQUIRED, minLength = 2, maxLength = 40,
                    pattern = "[a-z0-9][a-z0-9._-]{1,39}")
            @Nullable String username,
            @Schema(description = "The name shown in the UI; the username when left out or blank", example = "Jane Doe",
                    maxLength = 100)
            @Nullable String displayName,
            @Schema(description = "The initial password, which the user changes under Account: at least "
                    + Credentials.MIN_PASSWORD_LENGTH + " characters, at most " + Credentials.MAX_PASSWORD_BYTES
                    + " bytes in UTF-8, not the username", requiredMode = Schema.RequiredMode.REQUIRED,
                    minLength = Credentials.MIN_PASSWORD_LENGTH, maxLength = Credentials.MAX_PASSWORD_BYTES,
                    accessMode = Schema.AccessMode.WRITE_ONLY, format = "password")
            @Nullable String password,
            @Schema(description = "Whether the user runs the platform: manages users, clusters, environments and"
                    + " settings, and acts as a maintainer of every team. False when left out",
                    defaultValue = "false")
            @Nullable Boolean platformAdmin) {
    }

    @Schema(name = "DisplayNameChange")
    record DisplayNameChange(
            @Schema(description = "The name shown in the UI", example = "Jane Doe",
                    requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
            @Nullable String displayName) {
    }

    @Schema(name = "PlatformAdminChange")
    record PlatformAdminChange(
            @Schema(description = "true grants platform admin rights, false revokes them. The last enabled platform"
                    + " admin cannot be revoked", requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable Boolean platformAdmin) {
    }

    @Schema(name = "EnabledChange")
    record EnabledChange(
            @Schema(description = "false disables the account: it can no longer sign in, and its sessions and API"
                    + " tokens are refused from the next request; its team roles stay. true enables it again. Nobody"
                    + " can disable their own account or the last enabled platform admin",
                    requiredMode = Schema.RequiredMode.REQUIRED)
            @Nullable Boolean enabled) {
    }

    @Schema(name = "PasswordReset")
    record PasswordReset(
            @Schema(description = "The new password: at least " + Credentials.MIN_PASSWORD_LENGTH + " characters, at"
                    + " most " + Credentials.MAX_PASSWORD_BYTES + " bytes in UTF-8, not the username",
                    requiredMode = Schema.RequiredMode.REQUIRED, minLength = Credentials.MIN_PASSWORD_LENGTH,
                    maxLength = Credentials.MAX_PASSWORD_BYTES, accessMode = Schema.AccessMode.WRITE_ONLY,
                    format = "password")
            @Nullable String password) {
    }

    @GetMapping
    @Operation(summary = "All accounts, disabled ones included, sorted by username (platform admins)")
    PageResponse<UserView> list(@AuthenticationPrincipal SlipwayPrincipal principal,
                                @Parameter(description = "Part of the username or display name, case-insensitive")
                                @RequestParam(required = false) @Nullable String q,
                                @Parameter(description = "Zero-based page number", schema = @Schema(minimum = "0", maximum = "100000",
                    defaultValue = "0"))
                                @RequestParam(defaultValue = "0") int page,
                                @Parameter(description = "Users per page", schema = @Schema(minimum = "1", maximum = "100",
                    defaultValue = "20"))
                                @RequestParam(defaultValue = "20") int size) {
        PageRequest request = Paging.of(page, size, Sort.by("username"));
        return PageResponse.of(users.search(principal.actor(), q, request));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account with an initial password (platform admins)")
    ResponseEntity<UserView> create(@AuthenticationPrincipal SlipwayPrincipal principal,
                                    @RequestBody NewUserRequest user) {
        UserView created = users.create(principal.actor(), new NewUser(Text.clean(user.username()),
                Text.clean(user.displayName()), nullToEmpty(user.password()), Boolean.TRUE.equals(user.platformAdmin())));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.username())).body(created);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One account (platform admins; anyone may read their own)")
    UserView get(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String username) {
        return users.get(principal.actor(), username);
    }

    @PutMapping("/{username}/display-name")
    @Operation(summary = "Change the name shown for an account (platform admins; anyone may change their own)")
    UserView changeDisplayName(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String username,
                               @RequestBody DisplayNameChange change) {
        return users.updateDisplayName(principal.actor(), username, Text.clean(change.displayName()));
    }

    @PutMapping("/{username}/platform-admin")
    @Operation(summary = "Grant or revoke platform admin rights (platform admins)",
            description = "Answers 409 when the change would leave Slipway without an enabled platform admin;"
                    + " make someone else an admin first.")
    UserView setPlatformAdmin(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String username,
                              @RequestBody PlatformAdminChange change) {
        if (change.platformAdmin() == null) {
            throw new InvalidInputException("platformAdmin", "is required: true to grant admin rights, false to"
                    + " revoke them");
        }
        return users.setPlatformAdmin(principal.actor(), username, change.platformAdmin());
    }

    @PutMapping("/{username}/enabled")
    @Operation(summary = "Enable or disable an account (platform admins)",
            description = "A disabled account cannot sign in and its API tokens answer 401 from the next request."
                    + " Answers 409 for your own account and for the last enabled platform admin.")
    UserView setEnabled(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String username,
                        @RequestBody EnabledChange change) {
        if (change.enabled() == null) {
            throw new InvalidInputException("enabled", "is required: true to enable the account, false to disable it");
        }
        return users.setEnabled(principal.actor(), username, change.enabled());
    }

    @PutMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Reset someone's password, e.g. after they lost it (platform admins)",
            description = "Pass the new password on privately; the user changes it under Account.")
    void resetPassword(@AuthenticationPrincipal SlipwayPrincipal principal, @PathVariable String username,
                       @RequestBody PasswordReset reset) {
        users.resetPassword(principal.actor(), username, nullToEmpty(reset.password()));
    }

    /** A missing password is checked like an empty one, so the answer names the rule it breaks. */
    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
