package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.shared.Actor;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** A signed-in session follows what happens to its user after sign-in. */
@SlipwayTest
class SessionFreshnessFilterTest {

    @Autowired
    UserService users;
    @Autowired
    Fixtures fixtures;

    MockHttpSession session = new MockHttpSession();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void a_revoked_admin_flag_takes_the_admin_role_out_of_the_session() throws Exception {
        Actor admin = fixtures.admin();
        signIn(admin);

        users.setPlatformAdmin(fixtures.bootstrapAdmin(), admin.username(), false);
        request();

        Authentication now = SecurityContextHolder.getContext().getAuthentication();
        assertThat(now.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_USER");
        assertThat(session.isInvalid()).isFalse();
    }

    @Test
    void a_disabled_user_is_signed_out() throws Exception {
        Actor user = fixtures.user();
        signIn(user);

        users.setEnabled(fixtures.bootstrapAdmin(), user.username(), false);
        request();

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void a_password_reset_signs_out_sessions_opened_with_the_old_password() throws Exception {
        Actor user = fixtures.user();
        signIn(user);

        users.resetPassword(fixtures.bootstrapAdmin(), user.username(), "a-completely-new-password");
        request();

        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void an_unchanged_user_keeps_the_session() throws Exception {
        Actor user = fixtures.user();
        signIn(user);

        request();

        assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo(user.username());
        assertThat(session.isInvalid()).isFalse();
    }

    private void signIn(Actor actor) {
        SlipwayPrincipal principal = users.principal(actor.userId()).orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    private void request() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setSession(session);
        new SessionFreshnessFilter(users).doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
    }
}
