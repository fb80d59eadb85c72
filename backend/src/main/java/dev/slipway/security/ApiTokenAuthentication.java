package dev.slipway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by an API token. Controllers see the same {@link SlipwayPrincipal} as with a
 * browser login; the token's scope travels here, where the API's security chain reads it.
 */
public final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    /** Granted to tokens that may change things; read-only tokens lack it. */
    public static final String WRITE_AUTHORITY = "SCOPE_api:write";

    private final SlipwayPrincipal principal;
    private final boolean readOnly;

    ApiTokenAuthentication(SlipwayPrincipal principal, boolean readOnly) {
        super(authorities(principal, readOnly));
        this.principal = principal;
        this.readOnly = readOnly;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(SlipwayPrincipal principal, boolean readOnly) {
        List<GrantedAuthority> authorities = new ArrayList<>(principal.getAuthorities());
        if (!readOnly) {
            authorities.add(new SimpleGrantedAuthority(WRITE_AUTHORITY));
        }
        return authorities;
    }

    public boolean readOnly() {
        return readOnly;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public SlipwayPrincipal getPrincipal() {
        return principal;
    }
}
