package dev.slipway.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.shared.Actor;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** How an app runs per environment: defaults, who may change it, and what is a valid setting. */
@SlipwayTest
class DeploySettingsTest {

    @Autowired
    AppService apps;
    @Autowired
    Fixtures fixtures;

    String team;
    String app;
    Actor developer;

    @BeforeEach
    void setUp() {
        team = fixtures.team();
        app = fixtures.app(team).name();
        developer = fixtures.member(team, TeamRole.DEVELOPER);
    }

    @Test
    void an_app_runs_with_the_defaults_until_someone_changes_them() {
        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(DeploySettings.defaults());
    }

    @Test
    void a_developer_changes_how_the_app_runs_in_an_ordinary_environment() {
        DeploySettings bigger = new DeploySettings(4, "250m", "1", "512Mi", "1Gi", "1", "0", 300, null,
                DeployStrategy.ROLLING);

        apps.updateDeploySettings(developer, app, "dev", bigger);

        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(bigger);
        assertThat(apps.deploySettings(developer, app, "staging")).isEqualTo(DeploySettings.defaults());
    }

    @Test
    void protected_environments_need_a_maintainer_to_change_settings_as_to_deploy() {
        assertThatThrownBy(() -> apps.updateDeploySettings(developer, app, "prod", DeploySettings.defaults()))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MAINTAINER");

        apps.updateDeploySettings(fixtures.member(team, TeamRole.MAINTAINER), app, "prod", DeploySettings.defaults());
    }

    @Test
    void invalid_settings_name_every_field_and_nothing_is_stored() {
        DeploySettings bad = new DeploySettings(101, "lots", "50m", "256MB", "128Mi", "0", "0", 10,
                new DeploySettings.Autoscaling(5, 2, 5), DeployStrategy.ROLLING);

        assertThatThrownBy(() -> apps.updateDeploySettings(developer, app, "dev", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("replicas", "cpuRequest",
                                "memoryRequest", "maxUnavailable", "progressDeadlineSeconds", "autoscaling.max",
                                "autoscaling.cpuPercent"));
        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(DeploySettings.defaults());
    }

    @Test
    void limits_below_requests_are_refused_on_the_limit() {
        DeploySettings upsideDown = new DeploySettings(2, "500m", "100m", "1Gi", "256Mi", "25%", "0", 120, null,
                DeployStrategy.ROLLING);

        assertThatThrownBy(() -> apps.updateDeploySettings(developer, app, "dev", upsideDown))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("cpuLimit", "memoryLimit"));
    }

    @Test
    void a_canary_is_stored_with_its_steps_and_one_that_cannot_split_its_pods_is_refused() {
        DeploySettings canary = new DeploySettings(4, "100m", "500m", "256Mi", "512Mi", "25%", "0", 120, null,
                DeployStrategy.CANARY, "setWeight 25\nanalysis error-rate\npause");

        apps.updateDeploySettings(developer, app, "dev", canary);

        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(canary);
        assertThat(apps.deploySettings(developer, app, "dev").steps().steps()).hasSize(3);

        DeploySettings autoscaled = new DeploySettings(1, "100m", "500m", "256Mi", "512Mi", "25%", "0", 120,
                new DeploySettings.Autoscaling(2, 5, 80), DeployStrategy.CANARY, "setWeight 20\nsetweight 10");
        assertThatThrownBy(() -> apps.updateDeploySettings(developer, app, "dev", autoscaled))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field)
                            .containsExactlyInAnyOrder("strategy", "canarySteps");
                    assertThat(e.problems()).filteredOn(p -> p.field().equals("strategy")).singleElement()
                            .satisfies(p -> assertThat(p.message()).contains("turn autoscaling off"));
                    assertThat(e.problems()).filteredOn(p -> p.field().equals("canarySteps")).singleElement()
                            .satisfies(p -> assertThat(p.message()).contains("line 2", "weights only grow"));
                });
        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(canary);
    }

    @Test
    void blue_green_options_are_stored_and_unknown_templates_or_delays_out_of_range_are_refused_on_their_fields() {
        DeploySettings blueGreen = new DeploySettings(3, "100m", "500m", "256Mi", "512Mi", "25%", "0", 120, null,
                DeployStrategy.BLUE_GREEN, null, new DeploySettings.BlueGreen(1, true, 20, 90, "error-rate",
                "error-rate p99-latency"));

        apps.updateDeploySettings(developer, app, "dev", blueGreen);

        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(blueGreen);

        DeploySettings bad = new DeploySettings(3, "100m", "500m", "256Mi", "512Mi", "25%", "0", 120, null,
                DeployStrategy.BLUE_GREEN, null, new DeploySettings.BlueGreen(0, false, -1, 90000, "latency", null));
        assertThatThrownBy(() -> apps.updateDeploySettings(developer, app, "dev", bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactlyInAnyOrder("blueGreen.previewReplicas",
                                "blueGreen.autoPromoteDelaySeconds", "blueGreen.scaleDownDelaySeconds",
                                "blueGreen.prePromotionAnalysis"));
        assertThat(apps.deploySettings(developer, app, "dev")).isEqualTo(blueGreen);
    }
}
