package dev.slipway.analysis;

import dev.slipway.audit.AuditLog;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import dev.slipway.teams.TeamAccess;
import dev.slipway.teams.TeamRef;
import dev.slipway.teams.TeamRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metric templates analyses may name: the built-in ones, the platform's (written by platform admins,
 * for every team) and each team's (written by its maintainers). An app's team's template of a key wins
 * over the platform's, which wins over nothing: built-in keys cannot be taken.
 */
@Service
public class MetricTemplateService {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?");
    private static final Pattern ANY_PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
    private static final Set<String> PLACEHOLDERS = Set.of("app", "env", "release", "slot");

    private final JdbcClient jdbc;
    private final TeamAccess teams;
    private final AuditLog audit;
    private final Clock clock;

    MetricTemplateService(JdbcClient jdbc, TeamAccess teams, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.teams = teams;
        this.audit = audit;
        this.clock = clock;
    }

    /** Built-in templates, the platform's, and those of the teams the actor belongs to (all, for admins). */
    @Transactional(readOnly = true)
    public List<MetricTemplateView> list(Actor actor) {
        List<MetricTemplateView> all = new ArrayList<>();
        for (String key : MetricTemplates.names()) {
            MetricTemplate t = MetricTemplates.builtIn(key).orElseThrow();
            all.add(new MetricTemplateView(spec(key, null, t), true, false, null, null));
        }
        Set<Long> visible = teams.memberTeamIds(actor);
        for (Stored stored : stored()) {
            if (stored.teamId() == null || actor.platformAdmin() || visible.contains(stored.teamId())) {
                boolean editable = stored.teamId() == null ? actor.platformAdmin()
                        : teams.roleOf(actor, stored.teamId()).filter(r -> r.includes(TeamRole.MAINTAINER)).isPresent();
                all.add(new MetricTemplateView(stored.spec(), false, editable, stored.updatedBy(), stored.updatedAt()));
            }
        }
        all.sort(Comparator.comparing((MetricTemplateView v) -> v.builtIn() ? 0 : v.spec().team() == null ? 1 : 2)
                .thenComparing(v -> v.spec().team() == null ? "" : v.spec().team()).thenComparing(v -> v.spec().key()));
        return all;
    }

    /** The keys an app of this team may name in its analyses, sorted. */
    @Transactional(readOnly = true)
    public Set<String> keysFor(String team) {
        Set<String> keys = new TreeSet<>(MetricTemplates.names());
        jdbc.sql("select m.key from metric_templates m left join teams t on t.id = m.team_id"
                        + " where m.team_id is null or t.name = ?")
                .param(team).query(String.class).list().forEach(keys::add);
        return keys;
    }

    /** The template an app of this team gets for a key: built in, the team's, or the platform's. */
    @Transactional(readOnly = true)
    public Optional<MetricTemplate> resolve(String team, String key) {
        Optional<MetricTemplate> builtIn = MetricTemplates.builtIn(key);
        if (builtIn.isPresent()) {
            return builtIn;
        }
        return jdbc.sql("select m.*, t.name as team_name from metric_templates m left join teams t on t.id = m.team_id"
                        + " where m.key = ? and (m.team_id is null or t.name = ?) order by m.team_id nulls last limit 1")
                .params(key, team).query(MetricTemplateService::row).optional().map(s -> template(s.spec()));
    }

    @Transactional
    public MetricTemplateView create(Actor actor, MetricTemplateSpec spec) {
        MetricTemplateSpec clean = clean(spec);
        @Nullable TeamRef team = authorize(actor, clean.team(), "write metric templates");
        check(clean);
        try {
            jdbc.sql("insert into metric_templates (team_id, key, name, query, success, failure, interval_seconds, count,"
                            + " initial_delay_seconds, failure_limit, inconclusive_limit, consecutive_error_limit,"
                            + " updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(team == null ? null : team.id(), clean.key(), clean.name(), clean.query(), clean.success(),
                            clean.failure(), clean.intervalSeconds(), clean.count(), clean.initialDelaySeconds(),
                            clean.failureLimit(), clean.inconclusiveLimit(), clean.consecutiveErrorLimit(),
                            actor.username(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException((team == null ? "The platform" : "Team " + team.name()) + " already has a metric"
                    + " template " + clean.key() + ". Edit that one, or choose another key.", e);
        }
        audit.record(actor, "metric-template.created", "metric-template", clean.key(), team == null ? null : team.name(),
                Map.of("query", clean.query(), "success", clean.success()));
        return get(actor, clean.team(), clean.key());
    }

    /** Changes a template; its key and owner stay. Rollouts measure with the new version from their next measurement. */
    @Transactional
    public MetricTemplateView update(Actor actor, @Nullable String team, String key, MetricTemplateSpec spec) {
        MetricTemplateSpec clean = clean(new MetricTemplateSpec(key, team, spec.name(), spec.query(), spec.success(),
                spec.failure(), spec.intervalSeconds(), spec.count(), spec.initialDelaySeconds(), spec.failureLimit(),
                spec.inconclusiveLimit(), spec.consecutiveErrorLimit()));
        @Nullable TeamRef owner = authorize(actor, team, "change metric templates");
        long id = idOf(owner, key);
        check(clean);
        jdbc.sql("update metric_templates set name = ?, query = ?, success = ?, failure = ?, interval_seconds = ?,"
                        + " count = ?, initial_delay_seconds = ?, failure_limit = ?, inconclusive_limit = ?,"
                        + " consecutive_error_limit = ?, updated_by = ?, updated_at = ? where id = ?")
                .params(clean.name(), clean.query(), clean.success(), clean.failure(), clean.intervalSeconds(),
                        clean.count(), clean.initialDelaySeconds(), clean.failureLimit(), clean.inconclusiveLimit(),
                        clean.consecutiveErrorLimit(), actor.username(), Timestamp.from(clock.instant()), id)
                .update();
        audit.record(actor, "metric-template.changed", "metric-template", key, owner == null ? null : owner.name(),
                Map.of("query", clean.query(), "success", clean.success()));
        return get(actor, team, key);
    }

    /** Deletes a template. Releases whose analyses name it fail those analyses with a message saying so. */
    @Transactional
    public void delete(Actor actor, @Nullable String team, String key) {
        @Nullable TeamRef owner = authorize(actor, team, "delete metric templates");
        jdbc.sql("delete from metric_templates where id = ?").param(idOf(owner, key)).update();
        audit.record(actor, "metric-template.deleted", "metric-template", key, owner == null ? null : owner.name(),
                Map.of());
    }

    private MetricTemplateView get(Actor actor, @Nullable String team, String key) {
        return list(actor).stream().filter(v -> !v.builtIn() && v.spec().key().equals(key)
                && java.util.Objects.equals(v.spec().team(), team)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no metric template " + key + "."));
    }

    private long idOf(@Nullable TeamRef owner, String key) {
        return (owner == null
                ? jdbc.sql("select id from metric_templates where team_id is null and key = ?").param(key)
                : jdbc.sql("select id from metric_templates where team_id = ? and key = ?").params(owner.id(), key))
                .query(Long.class).optional().orElseThrow(() -> new NotFoundException("There is no metric template "
                        + key + (owner == null ? " of the platform" : " of team " + owner.name()) + "."));
    }

    /** Platform templates are the admins'; a team's are its maintainers'. */
    private @Nullable TeamRef authorize(Actor actor, @Nullable String team, String action) {
        if (team == null) {
            actor.requirePlatformAdmin(action + " for the whole platform");
            return null;
        }
        return teams.require(actor, team, TeamRole.MAINTAINER, action + " of the team");
    }

    private static MetricTemplateSpec clean(MetricTemplateSpec s) {
        String failure = s.failure() == null || s.failure().isBlank() ? null : s.failure().strip();
        String team = s.team() == null || s.team().isBlank() ? null : s.team().strip();
        return new MetricTemplateSpec(Text.clean(s.key()), team, Text.clean(s.name()), s.query() == null ? ""
                : s.query().strip(), Text.clean(s.success()), failure, s.intervalSeconds(), s.count(),
                s.initialDelaySeconds(), s.failureLimit(), s.inconclusiveLimit(), s.consecutiveErrorLimit());
    }

    private static void check(MetricTemplateSpec s) {
        InputCheck check = new InputCheck();
        if (!KEY.matcher(s.key()).matches()) {
            check.fail("key", "must be lower-case letters, digits and dashes, up to 40, e.g. checkout-latency");
        } else if (MetricTemplates.builtIn(s.key()).isPresent()) {
            check.fail("key", s.key() + " is a built-in template; choose another key");
        }
        check.field("name", Text.requiredText(s.name(), 80));
        if (s.query().isEmpty() || s.query().length() > 4000) {
            check.fail("query", "is required: PromQL that gives one number, up to 4000 characters, e.g."
                    + " sum(rate(http_server_requests_seconds_count{app=\"{{app}}\",release=\"{{release}}\"}[2m]))");
        } else {
            List<String> unknown = new ArrayList<>();
            Matcher m = ANY_PLACEHOLDER.matcher(s.query());
            while (m.find()) {
                if (!PLACEHOLDERS.contains(m.group(1))) {
                    unknown.add("{{" + m.group(1) + "}}");
                }
            }
            if (!unknown.isEmpty()) {
                check.fail("query", "uses " + String.join(", ", unknown) + "; the placeholders are {{app}}, {{env}},"
                        + " {{release}} and {{slot}}");
            }
        }
        check.field("success", Condition.problem(s.success()));
        if (s.failure() != null) {
            check.field("failure", Condition.problem(s.failure()));
        }
        range(check, "intervalSeconds", s.intervalSeconds(), 1, 3600);
        range(check, "count", s.count(), 1, 100);
        range(check, "initialDelaySeconds", s.initialDelaySeconds(), 0, 3600);
        range(check, "failureLimit", s.failureLimit(), 0, 100);
        range(check, "inconclusiveLimit", s.inconclusiveLimit(), 0, 100);
        range(check, "consecutiveErrorLimit", s.consecutiveErrorLimit(), 0, 100);
        check.throwIfInvalid();
    }

    private static void range(InputCheck check, String field, int value, int min, int max) {
        if (value < min || value > max) {
            check.fail(field, "must be between " + min + " and " + max);
        }
    }

    private record Stored(@Nullable Long teamId, MetricTemplateSpec spec, String updatedBy,
                          java.time.Instant updatedAt) {
    }

    private List<Stored> stored() {
        return jdbc.sql("select m.*, t.name as team_name from metric_templates m left join teams t on t.id = m.team_id")
                .query(MetricTemplateService::row).list();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        long teamId = rs.getLong("team_id");
        boolean platform = rs.wasNull();
        MetricTemplateSpec spec = new MetricTemplateSpec(rs.getString("key"), platform ? null : rs.getString("team_name"),
                rs.getString("name"), rs.getString("query"), rs.getString("success"), rs.getString("failure"),
                rs.getInt("interval_seconds"), rs.getInt("count"), rs.getInt("initial_delay_seconds"),
                rs.getInt("failure_limit"), rs.getInt("inconclusive_limit"), rs.getInt("consecutive_error_limit"));
        return new Stored(platform ? null : teamId, spec, rs.getString("updated_by"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static MetricTemplate template(MetricTemplateSpec s) {
        return new MetricTemplate(s.name(), s.query(), Condition.parse(s.success()).orElseThrow(),
                s.failure() == null ? null : Condition.parse(s.failure()).orElseThrow(),
                Duration.ofSeconds(s.intervalSeconds()), s.count(), Duration.ofSeconds(s.initialDelaySeconds()),
                s.failureLimit(), s.inconclusiveLimit(), s.consecutiveErrorLimit());
    }

    private static MetricTemplateSpec spec(String key, @Nullable String team, MetricTemplate t) {
        return new MetricTemplateSpec(key, team, t.name(), t.query(), t.success().toString(),
                t.failure() == null ? null : t.failure().toString(), (int) t.interval().toSeconds(), t.count(),
                (int) t.initialDelay().toSeconds(), t.failureLimit(), t.inconclusiveLimit(), t.consecutiveErrorLimit());
    }
}
