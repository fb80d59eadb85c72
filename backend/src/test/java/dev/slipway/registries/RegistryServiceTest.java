package dev.slipway.registries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.environments.EnvironmentService;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import dev.slipway.teams.TeamRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@SlipwayTest
class RegistryServiceTest {

    @Autowired
    RegistryService registries;
    @Autowired
    EnvironmentService environments;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void an_admin_registers_a_registry_whose_password_is_sealed_and_never_shown() {
        Actor admin = fixtures.bootstrapAdmin();
        String name = Fixtures.unique("harbor");

        RegistryView created = registries.create(admin, new RegistrySpec(name, "harbor.internal:8443/shop", false,
                "robot$slipway", "s3cret-push-password"));

        assertThat(created.hasPassword()).isTrue();
        assertThat(created.toString()).doesNotContain("s3cret-push-password");
        assertThat(registries.list(admin)).extracting(RegistryView::name).contains(name);
        RegistryView kept = registries.update(admin, name, new RegistrySpec(name, "harbor.internal:8443/shop", true,
                "robot$slipway", null));
        assertThat(kept.hasPassword()).as("a null password keeps the stored one").isTrue();
        assertThat(kept.insecure()).isTrue();
        assertThatThrownBy(() -> registries.list(fixtures.member(fixtures.team(), TeamRole.MAINTAINER)))
                .isInstanceOf(ForbiddenException.class);
        registries.delete(admin, name);
    }

    @Test
    void an_address_with_a_scheme_or_capitals_is_refused_with_the_form_to_use() {
        Actor admin = fixtures.bootstrapAdmin();

        assertThatThrownBy(() -> registries.create(admin, new RegistrySpec(Fixtures.unique("r"),
                "http://registry.internal:5000", true, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().message())
                        .contains("without a scheme").contains("insecure"));
        assertThatThrownBy(() -> registries.create(admin, new RegistrySpec(Fixtures.unique("r"), "Registry.Internal",
                false, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems().getFirst().field())
                        .isEqualTo("address"));
        // what an image reference cannot start with is refused here, not by every build later
        for (String bad : java.util.List.of("registry.internal/slipway-", "a..b/x", "registry.internal/-x")) {
            assertThatThrownBy(() -> registries.create(admin, new RegistrySpec(Fixtures.unique("r"), bad, false, null,
                    null))).as(bad).isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void an_environment_takes_images_from_its_registry_and_a_registry_in_use_cannot_be_deleted() {
        Actor admin = fixtures.bootstrapAdmin();
        String name = Fixtures.unique("prod-registry");
        registries.create(admin, new RegistrySpec(name, "registry.prod.internal/slipway", false, "pusher", "pw-1"));
        long sealedBefore = jdbc.queryForObject("select count(*) from sealed_values", Long.class);
        try {
            registries.assign(admin, "prod", name);

            assertThat(registries.assignments(admin)).containsEntry("prod", name).containsEntry("dev", null);
            assertThat(registries.targetOf(environments.idOf("prod"))).hasValueSatisfying(target -> {
                assertThat(target.address()).isEqualTo("registry.prod.internal/slipway");
                assertThat(target.password()).isEqualTo("pw-1");
                assertThat(target.toString()).doesNotContain("pw-1");
            });
            assertThat(registries.targetOf(environments.idOf("dev"))).as("the platform registry").isEmpty();
            assertThatThrownBy(() -> registries.delete(admin, name)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("prod").hasMessageContaining("first");
        } finally {
            registries.assign(admin, "prod", null);
        }
        registries.delete(admin, name);
        assertThat(jdbc.queryForObject("select count(*) from sealed_values", Long.class))
                .as("its sealed password goes with it").isEqualTo(sealedBefore - 1);
    }
}
