package dev.slipway.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.slipway.apps.AppChanges;
import dev.slipway.apps.AppService;
import dev.slipway.apps.AppSource;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ForbiddenException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.teams.TeamRole;
import dev.slipway.testing.Fixtures;
import dev.slipway.testing.SlipwayTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

@SlipwayTest
class AuditLogTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AppService apps;
    @Autowired
    Fixtures fixtures;

    @Test
    void every_change_to_an_app_is_recorded_with_actor_team_and_details_newest_first() {
        String team = fixtures.team();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        String app = Fixtures.unique("audited");
        apps.create(developer, Fixtures.imageApp(team, app));
        apps.update(developer, app, new AppChanges("v2", AppSource.IMAGE, null, null, "nginx:2", 80, "/", "/"));

        List<AuditEntry> entries = audit.search(fixtures.bootstrapAdmin(),
                new AuditQuery(null, "app.", app, null, null, null), PageRequest.of(0, 10)).getContent();

        assertThat(entries).extracting(AuditEntry::action).containsExactly("app.changed", "app.created");
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo(developer.username());
            assertThat(e.team()).isEqualTo(team);
        });
        assertThat(entries.getFirst().details()).containsEntry("image", "nginx:2").containsEntry("port", "80");
    }

    @Test
    void refused_input_leaves_no_trace() {
        String team = fixtures.team();
        String name = Fixtures.unique("refused");
        try {
            apps.create(fixtures.member(team, TeamRole.DEVELOPER), Fixtures.gitApp(team, name, "http://insecure/x.git"));
        } catch (InvalidInputException expected) {
            // the point of the test is what the log holds afterwards
        }

        assertThat(audit.search(fixtures.bootstrapAdmin(), new AuditQuery(null, null, name, null, null, null),
                PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void filters_combine_and_treat_wildcards_literally() {
        Actor actor = fixtures.member(fixtures.team(), TeamRole.VIEWER);
        Instant before = Instant.now().minusSeconds(60);

        List<AuditEntry> byActor = audit.search(fixtures.bootstrapAdmin(),
                new AuditQuery(null, "team.member-added", null, null, before, null), PageRequest.of(0, 500)).getContent();
        assertThat(byActor).anySatisfy(e -> assertThat(e.details()).containsEntry("username", actor.username()));
        assertThat(audit.search(fixtures.bootstrapAdmin(), new AuditQuery(null, "%", null, null, null, null),
                PageRequest.of(0, 10))).isEmpty();
        assertThat(audit.search(fixtures.bootstrapAdmin(), new AuditQuery(null, null, null, null, null, before),
                PageRequest.of(0, 10)).getContent()).allSatisfy(e -> assertThat(e.occurredAt()).isBefore(before));
    }

    @Test
    void only_platform_admins_browse_the_log() {
        assertThatThrownBy(() -> audit.search(fixtures.user(), AuditQuery.any(), PageRequest.of(0, 10)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void the_app_filter_finds_every_entry_about_that_app_and_nothing_about_others() {
        String team = fixtures.team();
        Actor developer = fixtures.member(team, TeamRole.DEVELOPER);
        String app = Fixtures.unique("watched");
        apps.create(developer, Fixtures.imageApp(team, app));
        apps.create(developer, Fixtures.imageApp(team, app + "-other"));
        apps.update(developer, app, new AppChanges("v2", AppSource.IMAGE, null, null, "nginx:2", 80, "/", "/"));

        List<AuditEntry> entries = audit.search(fixtures.bootstrapAdmin(),
                new AuditQuery(null, null, null, null, app, null, null), PageRequest.of(0, 10)).getContent();

        assertThat(entries).extracting(AuditEntry::action, AuditEntry::target)
                .containsExactly(tuple("app.changed", app), tuple("app.created", app));
    }

    @Test
    void a_time_range_that_ends_before_it_starts_is_refused() {
        Instant now = Instant.now();

        assertThatThrownBy(() -> audit.search(fixtures.bootstrapAdmin(),
                new AuditQuery(null, null, null, null, null, now, now), PageRequest.of(0, 10)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("to: must be later than from");
    }
}
