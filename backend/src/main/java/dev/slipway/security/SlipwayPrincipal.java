package dev.slipway.security;

import dev.slipway.shared.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated user as Spring Security holds it. Kept small because Vaadin stores it in the HTTP
 * session. Its admin flag is a snapshot taken at login: services get a fresh {@link Actor} from
 * {@link UserService#actor(long)} instead of trusting it.
 */
public final class SlipwayPrincipal implements UserDetails, CredentialsContainer {

    /** Spring Security role for platform admins, as used by {@code @RolesAllowed("ADMIN")}. */
    public static final String ADMIN_ROLE = "ADMIN";

    private final long userId;
    private final String username;
    private @Nullable String passwordHash;
    private final boolean platformAdmin;
    private final boolean enabled;
    /** Changes whenever the password does, so sessions opened with an old password can be ended. */
    private final String credentialsStamp;

    SlipwayPrincipal(long userId, String username, String passwordHash, boolean platformAdmin, boolean enabled) {
        this.userId = userId;
        this.username = username;
        this.passwordHash = passwordHash;
        this.platformAdmin = platformAdmin;
        this.enabled = enabled;
        this.credentialsStamp = stamp(passwordHash);
    }

    private static String stamp(String passwordHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    public long userId() {
        return userId;
    }

    public boolean platformAdmin() {
        return platformAdmin;
    }

    String credentialsStamp() {
        return credentialsStamp;
    }

    /** The actor as of login (form) or of this request (API token). */
    public Actor actor() {
        return new Actor(userId, username, platformAdmin);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return platformAdmin
                ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_" + ADMIN_ROLE))
                : List.of(new SimpleGrantedAuthority("ROLE_USER"));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlipwayPrincipal p && p.userId == userId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(userId);
    }

    @Override
    public String toString() {
        return "SlipwayPrincipal[" + username + "]";
    }
}
