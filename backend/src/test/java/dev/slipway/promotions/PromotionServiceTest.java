package dev.slipway.promotions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.slipway.config.ConfigChange;
import dev.slipway.config.ConfigDiff;
import dev.slipway.config.ConfigService;
import dev.slipway.rollouts.DeployPreview;
import dev.slipway.rollouts.DeployRequest;
import dev.slipway.rollouts.DeployService;
import dev.slipway.rollouts.EnvironmentStatus;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@SlipwayTest
class PromotionServiceTest {

    static final String IMAGE = "registry.example.com/shop/app:7.1";

    @Autowired
    PromotionService promotions;
    @Autowired
    DeployService deploys;
    @Autowired
    ConfigService config;
    @Autowired
    Fixtures fixtures;

    String team;
    String app;
    Actor developer;
    Actor maintainer;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        app = fixtures.app(team).name();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
        maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        config.change(developer, app, "dev", ConfigChange.setVariable("STAGE", "dev"));
        deploys.deploy(developer, app, "dev", new DeployRequest(IMAGE, null));
        awaitRunning("dev", 1);
    }

    @Test
    void promoting_to_an_unprotected_environment_deploys_at_once_with_that_environments_config() {
        config.change(developer, app, "staging", ConfigChange.setVariable("STAGE", "staging"));

        PromotionView promotion = promotions.promote(developer, app, "dev", "staging");

        assertThat(promotion.status()).isEqualTo(PromotionStatus.APPROVED);
        assertThat(promotion.targetRelease()).isEqualTo(1);
        EnvironmentStatus staging = awaitRunning("staging", 1);
        assertThat(staging.running().release().image()).isEqualTo(IMAGE);
        assertThat(staging.rollout().events().getFirst().message())
                .contains("promoted from dev v1, requested by " + developer.username());
        assertThat(config.view(developer, app, "staging").variables()).containsEntry("STAGE", "staging");
    }

    @Test
    void the_preview_shows_the_target_environments_config_changes() {
        promotions.promote(developer, app, "dev", "staging");
        awaitRunning("staging", 1);
        config.change(developer, app, "staging", new ConfigChange(Map.of("STAGE", "staging"), Map.of("KEY", "k"), null, null));

        DeployPreview preview = promotions.preview(developer, app, "dev", "staging");

        assertThat(preview.imageChanges()).isFalse();
        assertThat(preview.config().changes()).extracting(ConfigDiff.KeyChange::describe)
                .containsExactly("variable STAGE added", "secret KEY added");
    }

    @Test
    void a_promotion_into_a_protected_environment_waits_for_another_maintainer() {
        promotions.promote(developer, app, "dev", "staging");
        awaitRunning("staging", 1);

        PromotionView pending = promotions.promote(maintainer, app, "staging", "prod");

        assertThat(pending.status()).isEqualTo(PromotionStatus.PENDING);
        assertThat(deploys.history(maintainer, app, "prod")).isEmpty();
        assertThatThrownBy(() -> promotions.approve(maintainer, app, pending.id(), null))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("another MAINTAINER");
        assertThatThrownBy(() -> promotions.approve(developer, app, pending.id(), null))
                .isInstanceOf(ForbiddenException.class);
        assertThat(deploys.history(maintainer, app, "prod")).isEmpty();

        Actor approver = fixtures.member(team, TeamRole.MAINTAINER);
        PromotionView approved = promotions.approve(approver, app, pending.id(), "looks good");

        assertThat(approved.status()).isEqualTo(PromotionStatus.APPROVED);
        assertThat(approved.decidedBy()).isEqualTo(approver.username());
        EnvironmentStatus prod = awaitRunning("prod", 1);
        assertThat(prod.running().release().image()).isEqualTo(IMAGE);
        assertThat(prod.rollout().events().getFirst().message()).contains("approved by " + approver.username());
        assertThatThrownBy(() -> promotions.approve(approver, app, pending.id(), null))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already approved");
    }

    @Test
    void a_second_request_for_the_same_environment_is_refused_while_one_waits() {
        promotions.promote(developer, app, "dev", "prod");

        assertThatThrownBy(() -> promotions.promote(developer, app, "dev", "prod"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already waiting for approval");
    }

    @Test
    void a_maintainer_rejects_and_the_requester_withdraws_and_neither_deploys() {
        PromotionView first = promotions.promote(developer, app, "dev", "prod");
        PromotionView rejected = promotions.reject(maintainer, app, first.id(), "not this week");
        PromotionView second = promotions.promote(developer, app, "dev", "prod");
        PromotionView withdrawn = promotions.reject(developer, app, second.id(), null);

        assertThat(rejected.status()).isEqualTo(PromotionStatus.REJECTED);
        assertThat(rejected.comment()).isEqualTo("not this week");
        assertThat(withdrawn.status()).isEqualTo(PromotionStatus.CANCELLED);
        assertThat(deploys.history(maintainer, app, "prod")).isEmpty();
        assertThat(promotions.list(developer, app)).extracting(PromotionView::status)
                .containsExactly(PromotionStatus.CANCELLED, PromotionStatus.REJECTED);
    }

    @Test
    void promotions_go_forward_from_an_environment_where_something_runs() {
        assertThatThrownBy(() -> promotions.promote(developer, app, "staging", "dev"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("later environment");
        assertThatThrownBy(() -> promotions.promote(developer, app, "staging", "prod"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Nothing of " + app + " runs in staging");
        Actor viewer = fixtures.member(team, TeamRole.VIEWER);
        assertThatThrownBy(() -> promotions.promote(viewer, app, "dev", "staging"))
                .isInstanceOf(ForbiddenException.class);
    }

    private EnvironmentStatus awaitRunning(String environment, int release) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            EnvironmentStatus status = deploys.status(fixtures.bootstrapAdmin(), app, environment);
            return status.running() != null && status.running().release().number() == release;
        });
        return deploys.status(fixtures.bootstrapAdmin(), app, environment);
    }
}
