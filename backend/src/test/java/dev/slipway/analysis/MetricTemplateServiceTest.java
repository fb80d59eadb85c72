package dev.slipway.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.apps.AppService;
import dev.slipway.apps.DeploySettings;
import dev.slipway.apps.DeployStrategy;
import dev.slipway.shared.Actor;
import dev.slipway.shared.FieldProblem;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who writes metric templates, which one an app gets for a key, and what a template must look like. */
@SlipwayTest
class MetricTemplateServiceTest {

    @Autowired
    MetricTemplateService templates;
    @Autowired
    AppService apps;
    @Autowired
    Fixtures fixtures;

    @Test
    void a_teams_template_can_be_named_by_its_apps_and_not_by_another_teams() {
        String team = fixtures.team();
        String other = fixtures.team();
        Actor maintainer = fixtures.member(team, TeamRole.MAINTAINER);
        String key = Fixtures.unique("lat").toLowerCase();
        templates.create(maintainer, spec(key, team, "result < 0.3"));
        String app = fixtures.app(team).name();
        String otherApp = fixtures.app(other).name();

        apps.updateDeploySettings(maintainer, app, "dev", canary("setWeight 20\nanalysis error-rate " + key));

        assertThat(apps.deploySettings(maintainer, app, "dev").canarySteps()).contains(key);
        assertThatThrownBy(() -> apps.updateDeploySettings(fixtures.admin(), otherApp, "dev",
                canary("setWeight 20\nanalysis " + key)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("there is no metric template " + key,
                                "the ones this app's team can use are error-rate, p99-latency")));
    }

    @Test
    void the_teams_template_wins_over_the_platforms_of_the_same_key_and_built_ins_cannot_be_taken() {
        String team = fixtures.team();
        String key = Fixtures.unique("sat").toLowerCase();
        templates.create(fixtures.admin(), spec(key, null, "result < 0.9"));
        templates.create(fixtures.member(team, TeamRole.MAINTAINER), spec(key, team, "result < 0.5"));

        assertThat(templates.resolve(team, key)).get().satisfies(t -> assertThat(t.success().threshold()).isEqualTo(0.5));
        assertThat(templates.resolve(fixtures.team(), key)).get()
                .satisfies(t -> assertThat(t.success().threshold()).isEqualTo(0.9));
        assertThatThrownBy(() -> templates.create(fixtures.admin(), spec("error-rate", null, "result < 1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::field).containsExactly("key"));
    }

    @Test
    void developers_write_no_templates_and_only_admins_write_the_platforms() {
        String team = fixtures.team();

        assertThatThrownBy(() -> templates.create(fixtures.member(team, TeamRole.DEVELOPER), spec("a-b", team, "result < 1")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("MAINTAINER");
        assertThatThrownBy(() -> templates.create(fixtures.member(team, TeamRole.MAINTAINER), spec("a-b", null, "result < 1")))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("platform admins");
        assertThat(templates.list(fixtures.member(team, TeamRole.VIEWER))).filteredOn(MetricTemplateView::builtIn)
                .extracting(v -> v.spec().key()).containsExactly("error-rate", "p99-latency");
    }

    @Test
    void a_template_with_an_unknown_placeholder_a_bad_condition_or_limits_out_of_range_is_refused_on_each_field() {
        String team = fixtures.team();
        MetricTemplateSpec bad = new MetricTemplateSpec("Bad Key", team, "", "sum(rate(x{app=\"{{application}}\"}[1m]))",
                "result less than 1", "maybe", 0, 0, -1, -1, 101, 200);

        assertThatThrownBy(() -> templates.create(fixtures.member(team, TeamRole.MAINTAINER), bad))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("key", "name",
                            "query", "success", "failure", "intervalSeconds", "count", "initialDelaySeconds",
                            "failureLimit", "inconclusiveLimit", "consecutiveErrorLimit");
                    assertThat(e.problems()).filteredOn(p -> p.field().equals("query")).singleElement()
                            .satisfies(p -> assertThat(p.message()).contains("{{application}}", "{{release}}"));
                });
        assertThat(templates.list(fixtures.admin())).noneMatch(v -> team.equals(v.spec().team()));
    }

    private static MetricTemplateSpec spec(String key, @Nullable String team, String success) {
        return new MetricTemplateSpec(key, team, "Saturation", "max(up{job=\"{{app}}\"})", success, null, 10, 3, 0, 0,
                1, 2);
    }

    private static DeploySettings canary(String steps) {
        DeploySettings d = DeploySettings.defaults();
        return new DeploySettings(4, d.cpuRequest(), d.cpuLimit(), d.memoryRequest(), d.memoryLimit(), d.maxSurge(),
                d.maxUnavailable(), d.progressDeadlineSeconds(), null, DeployStrategy.CANARY, steps);
    }
}
