package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.shared.Actor;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SlipwayTest
class ApiTokenServiceTest {

    @Autowired
    ApiTokenService tokens;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_token_is_shown_once_and_only_its_hash_is_stored() {
        Actor user = fixtures.user();

        CreatedApiToken created = tokens.create(user, "ci", Duration.ofDays(30));

        assertThat(created.secret()).startsWith("slw_").hasSizeGreaterThan(40);
        assertThat(created.toString()).doesNotContain(created.secret());
        assertThat(tokens.list(user)).singleElement().satisfies(view -> {
            assertThat(view.prefix()).isEqualTo(created.secret().substring(0, 10));
            assertThat(view.toString()).doesNotContain(created.secret());
        });
        String stored = jdbc.queryForList("select * from api_tokens where user_id = ?", user.userId()).toString();
        assertThat(stored).doesNotContain(created.secret());
        assertThat(tokens.authenticate(created.secret())).hasValueSatisfying(p -> assertThat(p.principal().getUsername())
                .isEqualTo(user.username()));
    }

    @Test
    void an_expired_token_no_longer_authenticates() {
        Actor user = fixtures.user();
        CreatedApiToken created = tokens.create(user, "short-lived", Duration.ofDays(1));

        jdbc.update("update api_tokens set expires_at = now() - interval '1 minute' where id = ?", created.token().id());

        assertThat(tokens.authenticate(created.secret())).isEmpty();
    }

    @Test
    void a_user_cannot_revoke_someone_elses_token() {
        Actor owner = fixtures.user();
        CreatedApiToken created = tokens.create(owner, "mine", null);

        assertThatThrownBy(() -> tokens.revoke(fixtures.user(), created.token().id())).isInstanceOf(NotFoundException.class);
        assertThat(tokens.authenticate(created.secret())).isPresent();
    }

    @Test
    void token_names_are_required_and_unique_per_user() {
        Actor user = fixtures.user();
        tokens.create(user, "deploy", null);

        assertThatThrownBy(() -> tokens.create(user, " ", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> tokens.create(user, "deploy", null)).hasMessageContaining("already have a token");
        assertThatThrownBy(() -> tokens.create(user, "negative", Duration.ofDays(-1))).hasMessageContaining("positive");
    }

    @Test
    void a_read_only_token_authenticates_as_read_only() {
        Actor user = fixtures.user();

        CreatedApiToken reader = tokens.create(user, "dashboard", null, true);
        CreatedApiToken writer = tokens.create(user, "deploys", null, false);

        assertThat(reader.token().readOnly()).isTrue();
        assertThat(tokens.authenticate(reader.secret())).hasValueSatisfying(login -> assertThat(login.readOnly()).isTrue());
        assertThat(tokens.authenticate(writer.secret())).hasValueSatisfying(login -> assertThat(login.readOnly()).isFalse());
    }

    @Test
    void revoking_all_stops_every_working_token_of_that_user_only() {
        Actor user = fixtures.user();
        Actor other = fixtures.user();
        CreatedApiToken first = tokens.create(user, "one", null);
        CreatedApiToken second = tokens.create(user, "two", Duration.ofDays(3), true);
        tokens.revoke(user, tokens.create(user, "already-revoked", null).token().id());
        CreatedApiToken others = tokens.create(other, "theirs", null);

        int revoked = tokens.revokeAll(user);

        assertThat(revoked).isEqualTo(2);
        assertThat(tokens.authenticate(first.secret())).isEmpty();
        assertThat(tokens.authenticate(second.secret())).isEmpty();
        assertThat(tokens.authenticate(others.secret())).isPresent();
        assertThat(tokens.activeCount(user)).isZero();
        assertThat(tokens.revokeAll(user)).isZero();
    }
}
