package dev.slipway.builds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.apps.AppService;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.UnavailableException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who may build what, on the shared test Slipway, which has no registry configured. */
@SlipwayTest
class BuildRulesTest {

    @Autowired
    BuildService builds;
    @Autowired
    DeployKeyService deployKeys;
    @Autowired
    dev.slipway.registries.RegistryService registries;
    @Autowired
    AppService apps;
    @Autowired
    Fixtures fixtures;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void without_a_registry_a_build_is_refused_with_what_the_operator_sets() {
        String team = fixtures.team();
        String app = Fixtures.unique("git");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, "https://git.example.com/shop/" + app + ".git"));

        assertThatThrownBy(() -> builds.start(fixtures.member(team, TeamRole.DEVELOPER), app, null, null,
                BuildTrigger.MANUAL))
                .isInstanceOf(UnavailableException.class).hasMessageContaining("SLIPWAY_BUILD_REGISTRY");
        assertThat(builds.list(fixtures.member(team, TeamRole.VIEWER), app)).isEmpty();
    }

    @Test
    void an_image_app_has_nothing_to_build_and_viewers_and_outsiders_cannot_start_builds() {
        String team = fixtures.team();
        String app = fixtures.app(team).name();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);

        assertThatThrownBy(() -> builds.start(developer, app, null, null, BuildTrigger.MANUAL))
                .isInstanceOf(ConflictException.class).hasMessageContaining("prebuilt image");
        assertThatThrownBy(() -> builds.start(fixtures.member(team, TeamRole.VIEWER), app, null, null, BuildTrigger.MANUAL))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> builds.list(fixtures.member(fixtures.team(), TeamRole.MAINTAINER), app))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_repository_token_is_set_by_a_maintainer_stored_sealed_and_never_shown() {
        String team = fixtures.team();
        String app = Fixtures.unique("private");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, "https://git.example.com/shop/" + app + ".git"));
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        String token = "ghp_" + java.util.UUID.randomUUID().toString().replace("-", "");

        RepositoryAccess set = builds.setRepositoryToken(maintainer, app, token);

        assertThat(set.hasToken()).isTrue();
        assertThat(set.setBy()).isEqualTo(maintainer.username());
        assertThat(set.toString()).doesNotContain(token);
        assertThat(builds.repositoryToken(fixtures.appId(app))).contains(token);
        assertThat(jdbc.queryForList("select encode(ciphertext, 'escape') from sealed_values", String.class))
                .noneMatch(v -> v.contains(token));
        assertThatThrownBy(() -> builds.setRepositoryToken(fixtures.member(team, TeamRole.DEVELOPER), app, "x"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> builds.setRepositoryToken(maintainer, app, "two words"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> builds.setRepositoryToken(maintainer, app, " "))
                .as("an empty token is refused, not read as a removal").isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("remove");
        assertThat(builds.repositoryToken(fixtures.appId(app))).contains(token);
        assertThat(builds.removeRepositoryToken(maintainer, app).hasToken()).isFalse();
        assertThat(builds.repositoryToken(fixtures.appId(app))).isEmpty();
    }

    @Test
    void a_deploy_key_is_made_by_a_maintainer_shown_only_as_its_public_half_and_replaced_at_once() {
        String team = fixtures.team();
        String app = Fixtures.unique("sshed");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, "git@git.example.com:shop/" + app + ".git"));
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        assertThat(deployKeys.view(viewer, app).present()).isFalse();

        DeployKeyView made = deployKeys.generate(maintainer, app);

        assertThat(made.publicKey()).startsWith("ecdsa-sha2-nistp256 AAAA").endsWith(" slipway-" + app);
        assertThat(made.fingerprint()).startsWith("SHA256:");
        assertThat(made.createdBy()).isEqualTo(maintainer.username());
        assertThat(deployKeys.view(viewer, app)).satisfies(seen -> {
            assertThat(seen.publicKey()).isEqualTo(made.publicKey());
            assertThat(seen.canChange()).isFalse();
        });
        java.security.KeyPair opened = deployKeys.sshAccess(fixtures.appId(app)).orElseThrow().deployKey();
        assertThat(SshKeys.openSsh(opened.getPublic(), "slipway-" + app)).isEqualTo(made.publicKey());
        String privateHalf = java.util.Base64.getEncoder().encodeToString(opened.getPrivate().getEncoded());
        // the first bytes of any PKCS#8 P-256 key are the same ASN.1 header: look for this key's secret itself
        String secret = ((java.security.interfaces.ECPrivateKey) opened.getPrivate()).getS().toString(16);
        assertThat(jdbc.queryForList("select encode(ciphertext, 'hex') from sealed_values", String.class))
                .noneMatch(v -> v.contains(secret));
        assertThat(jdbc.queryForList("select encode(ciphertext, 'escape') from sealed_values", String.class))
                .noneMatch(v -> v.contains(privateHalf.substring(privateHalf.length() - 40)));
        assertThat(jdbc.queryForList("select concat_ws(' ', public_key, host_key) from app_deploy_keys", String.class))
                .noneMatch(v -> v.contains(secret) || v.contains(privateHalf));
        assertThatThrownBy(() -> deployKeys.generate(fixtures.member(team, TeamRole.DEVELOPER), app))
                .isInstanceOf(ForbiddenException.class);

        int sealedBefore = jdbc.queryForObject("select count(*) from sealed_values", Integer.class);
        DeployKeyView replaced = deployKeys.generate(maintainer, app);
        assertThat(replaced.publicKey()).isNotEqualTo(made.publicKey());
        assertThat(jdbc.queryForObject("select count(*) from sealed_values", Integer.class))
                .as("the old private key is deleted with the replacement").isEqualTo(sealedBefore);

        deployKeys.rememberHostKey(fixtures.appId(app), "git.example.com " + made.publicKey());
        assertThat(deployKeys.view(viewer, app).hostKeyFingerprint()).isEqualTo(made.fingerprint());
        assertThat(deployKeys.forgetHostKey(maintainer, app).hostKeyFingerprint()).isNull();
        assertThat(deployKeys.remove(maintainer, app).present()).isFalse();
        assertThat(deployKeys.sshAccess(fixtures.appId(app))).isEmpty();
    }

    @Test
    void without_a_platform_registry_builds_run_once_an_environment_has_a_registry_of_its_own() {
        Actor admin = fixtures.bootstrapAdmin();
        String name = Fixtures.unique("dev-registry");
        assertThat(builds.unavailableBecause()).as("the shared test Slipway has no SLIPWAY_BUILD_REGISTRY")
                .hasValueSatisfying(why -> assertThat(why).contains("Admin > Registries"));
        registries.create(admin, new dev.slipway.registries.RegistrySpec(name, "registry.dev.internal/slipway", false,
                null, null));
        try {
            registries.assign(admin, "dev", name);

            assertThat(builds.unavailableBecause()).isEmpty();
            assertThat(builds.destinations()).singleElement().satisfies(d -> {
                assertThat(d.target().address()).isEqualTo("registry.dev.internal/slipway");
                assertThat(d.environments()).containsExactly("dev");
            });
            assertThat(registries.list(admin)).filteredOn(r -> r.name().equals(name)).singleElement()
                    .extracting(dev.slipway.registries.RegistryView::environments).isEqualTo(java.util.List.of("dev"));
        } finally {
            registries.assign(admin, "dev", null);
            registries.delete(admin, name);
        }
        assertThat(builds.unavailableBecause()).isPresent();
    }

    @Test
    void a_commit_must_be_a_full_sha_and_a_branch_a_valid_name() {
        String team = fixtures.team();
        String app = Fixtures.unique("git");
        apps.create(fixtures.bootstrapAdmin(), Fixtures.gitApp(team, app, "https://git.example.com/shop/" + app + ".git"));
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);

        // the input is checked before the registry, so the user learns about it either way
        assertThatThrownBy(() -> builds.start(developer, app, "bad..branch", "abc123", BuildTrigger.API))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.field()).containsExactly("branch", "commit"));
    }

}
