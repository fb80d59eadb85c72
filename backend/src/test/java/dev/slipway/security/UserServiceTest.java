package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;

@SlipwayTest
class UserServiceTest {

    @Autowired
    UserService users;
    @Autowired
    AuthenticationConfiguration authentication;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void passwords_are_stored_as_bcrypt_hashes_and_checked_at_login() throws Exception {
        Actor user = fixtures.user();

        String hash = jdbc.queryForObject("select password_hash from users where username = ?", String.class, user.username());
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(Fixtures.PASSWORD);
        AuthenticationManager manager = authentication.getAuthenticationManager();
        assertThat(manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.username(),
                Fixtures.PASSWORD)).isAuthenticated()).isTrue();
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.username(),
                "wrong-password-123"))).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_disabled_user_cannot_sign_in_or_act() throws Exception {
        Actor user = fixtures.user();

        users.setEnabled(fixtures.bootstrapAdmin(), user.username(), false);

        AuthenticationManager manager = authentication.getAuthenticationManager();
        assertThatThrownBy(() -> manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user.username(),
                Fixtures.PASSWORD))).isInstanceOf(DisabledException.class);
        assertThatThrownBy(() -> users.actor(user.userId())).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void bad_usernames_and_weak_passwords_are_refused_with_all_problems_at_once() {
        assertThatThrownBy(() -> users.create(fixtures.bootstrapAdmin(), new NewUser("Jane Doe", "", "short", false)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("username", "password"));
        assertThatThrownBy(() -> users.create(fixtures.bootstrapAdmin(),
                new NewUser("jane", "", "x".repeat(73), false))).hasMessageContaining("72 bytes");
    }

    @Test
    void a_taken_username_is_refused() {
        Actor user = fixtures.user();

        assertThatThrownBy(() -> users.create(fixtures.bootstrapAdmin(), new NewUser(user.username(), "", Fixtures.PASSWORD, false)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("taken");
    }

    @Test
    void only_admins_administer_users() {
        Actor user = fixtures.user();

        assertThatThrownBy(() -> users.create(user, new NewUser(Fixtures.unique("u"), "", Fixtures.PASSWORD, true)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.setPlatformAdmin(user, user.username(), true)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> users.list(user)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void an_admin_cannot_disable_themselves() {
        Actor admin = fixtures.admin();

        assertThatThrownBy(() -> users.setEnabled(admin, admin.username(), false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("your own account");
    }

    @Test
    void a_revoked_admin_flag_applies_at_the_next_action() {
        Actor admin = fixtures.admin();
        assertThat(users.actor(admin.userId()).platformAdmin()).isTrue();

        users.setPlatformAdmin(fixtures.bootstrapAdmin(), admin.username(), false);

        assertThat(users.actor(admin.userId()).platformAdmin()).isFalse();
    }

    @Test
    void changing_your_password_needs_the_current_one() {
        Actor user = fixtures.user();

        assertThatThrownBy(() -> users.changeOwnPassword(user, "not-the-password", "a-brand-new-password"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("currentPassword"));
        users.changeOwnPassword(user, Fixtures.PASSWORD, "a-brand-new-password");

        String hash = jdbc.queryForObject("select password_hash from users where username = ?", String.class, user.username());
        assertThat(hash).doesNotContain("a-brand-new-password");
    }

    @Test
    void admins_search_all_accounts_by_part_of_the_name_disabled_ones_included() {
        String prefix = Fixtures.unique("searched");
        users.create(fixtures.bootstrapAdmin(), new NewUser(prefix + "-b", "Bea Searched", Fixtures.PASSWORD, false));
        users.create(fixtures.bootstrapAdmin(), new NewUser(prefix + "-a", "", Fixtures.PASSWORD, false));
        users.setEnabled(fixtures.bootstrapAdmin(), prefix + "-b", false);

        var found = users.search(fixtures.bootstrapAdmin(), prefix.toUpperCase(),
                PageRequest.of(0, 10, Sort.by("username")));

        assertThat(found.getContent()).extracting(UserView::username).containsExactly(prefix + "-a", prefix + "-b");
        assertThat(found.getContent().get(1).enabled()).isFalse();
        assertThat(users.search(fixtures.bootstrapAdmin(), "bea searched", PageRequest.of(0, 10)).getContent())
                .extracting(UserView::username).contains(prefix + "-b");
        assertThatThrownBy(() -> users.search(fixtures.user(), "", PageRequest.of(0, 10)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void an_account_is_shown_to_admins_and_to_its_owner_only() {
        Actor user = fixtures.user();
        Actor other = fixtures.user();

        assertThat(users.get(fixtures.bootstrapAdmin(), user.username()).username()).isEqualTo(user.username());
        assertThat(users.get(user, user.username()).username()).isEqualTo(user.username());
        assertThatThrownBy(() -> users.get(other, user.username())).isInstanceOf(ForbiddenException.class)
                .hasMessage("Only platform admins may see other users' accounts.");
    }
}
