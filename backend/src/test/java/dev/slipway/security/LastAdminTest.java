package dev.slipway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.BackendTestApplication;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Slipway never ends up without an admin. Runs on a database of its own (the distinct admin name gives
 * it its own Spring context), where the first admin really is the only one.
 */
@SpringBootTest(classes = BackendTestApplication.class, properties = "slipway.admin.username=solo")
@ActiveProfiles("test")
class LastAdminTest {

    @Autowired
    UserService users;

    @Test
    void the_last_admin_can_neither_be_demoted_nor_disabled_until_there_is_another() {
        Actor solo = users.actor(users.idOf("solo"));

        assertThatThrownBy(() -> users.setPlatformAdmin(solo, "solo", false))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last platform admin");
        assertThat(users.actor(solo.userId()).platformAdmin()).isTrue();

        users.create(solo, new NewUser("deputy", "", "deputy-password-1", true));
        users.setPlatformAdmin(solo, "solo", false);

        Actor deputy = users.actor(users.idOf("deputy"));
        assertThatThrownBy(() -> users.setEnabled(deputy, "deputy", false)).isInstanceOf(ConflictException.class);
        assertThat(users.actor(solo.userId()).platformAdmin()).isFalse();
    }
}
