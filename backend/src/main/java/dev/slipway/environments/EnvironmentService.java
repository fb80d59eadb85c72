package dev.slipway.environments;

import dev.slipway.analysis.PrometheusClient;
import dev.slipway.audit.AuditLog;
import dev.slipway.clusters.ClusterService;
import dev.slipway.clusters.ClusterView;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InputCheck;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The stages apps are deployed to. Everyone reads them; platform admins change them. */
@Service
public class EnvironmentService {

    public static final int MAX_NAME_LENGTH = 16;
    public static final int MAX_PROMETHEUS_URL_LENGTH = 500;

    private final EnvironmentRepository environments;
    private final ClusterService clusters;
    private final AuditLog audit;
    private final Clock clock;

    EnvironmentService(EnvironmentRepository environments, ClusterService clusters, AuditLog audit, Clock clock) {
        this.environments = environments;
        this.clusters = clusters;
        this.audit = audit;
        this.clock = clock;
    }

    public static Optional<String> nameProblem(String name) {
        return Text.dnsLabel(name, MAX_NAME_LENGTH, "staging");
    }

    /** The traffic router as stored: trimmed, the gateway only for Gateway API. */
    static @Nullable TrafficRouting routing(EnvironmentSpec spec) {
        TrafficRouting r = spec.routing();
        if (r == null || r.router() == null) {
            return null;
        }
        return new TrafficRouting(r.router(), Text.clean(r.hostTemplate()),
                r.router() == TrafficRouting.Router.GATEWAY_API ? Text.clean(r.gateway()) : null);
    }

    /** The Prometheus URL as stored: null when blank (no Prometheus), otherwise stripped of trailing slashes. */
    static @Nullable String prometheusUrl(@Nullable String url) {
        String cleaned = Text.clean(url);
        return cleaned.isEmpty() ? null : cleaned.replaceAll("/+$", "");
    }

    /** A problem when a Prometheus URL, as {@link #prometheusUrl} stores it, cannot be queried. */
    static Optional<String> prometheusUrlProblem(@Nullable String url) {
        if (url == null) {
            return Optional.empty();
        }
        Optional<String> text = Text.freeText(url, MAX_PROMETHEUS_URL_LENGTH);
        if (text.isPresent()) {
            return text;
        }
        try {
            return PrometheusClient.urlProblem(new URI(url));
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL (" + e.getReason()
                    + (e.getIndex() >= 0 ? " at character " + (e.getIndex() + 1) : "")
                    + "); write an http:// or https:// base URL such as http://prometheus.monitoring:9090,"
                    + " or leave it empty for none");
        }
    }

    /** All environments in promotion order. */
    @Transactional(readOnly = true)
    public List<EnvironmentView> list() {
        List<Environment> all = environments.findAllByOrderByPositionAsc();
        Map<Long, ClusterView> byId = clusters.byIds(all.stream().map(Environment::clusterId).toList());
        return all.stream().map(e -> e.toView(byId.get(e.clusterId()))).toList();
    }

    @Transactional(readOnly = true)
    public EnvironmentView get(String name) {
        Environment environment = load(name);
        return environment.toView(clusters.byIds(List.of(environment.clusterId())).get(environment.clusterId()));
    }

    /** The internal id of an environment, for features that store references to it. */
    @Transactional(readOnly = true)
    public long idOf(String name) {
        return load(name).id();
    }

    /** The environment with this id, for features that stored the id. */
    @Transactional(readOnly = true)
    public EnvironmentView byId(long id) {
        Environment environment = environments.findById(id)
                .orElseThrow(() -> new NotFoundException("There is no environment with id " + id + "."));
        return environment.toView(clusters.byIds(List.of(environment.clusterId())).get(environment.clusterId()));
    }

    @Transactional
    public EnvironmentView create(Actor actor, EnvironmentSpec spec) {
        actor.requirePlatformAdmin("create environments");
        String name = Text.clean(spec.name());
        long clusterId = check(spec, name);
        if (environments.existsByName(name)) {
            throw new InvalidInputException("name", "an environment named '" + name + "' already exists");
        }
        Instant now = clock.instant();
        Environment environment = new Environment(name, environments.maxPosition() + 1, now);
        describe(environment, spec, clusterId, now);
        refuseSharedNamespaces(environment);
        try {
            environments.saveAndFlush(environment);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("name", "an environment named '" + name + "' already exists");
        }
        audit.record(actor, "environment.created", "environment", name, null, details(spec));
        return get(name);
    }

    @Transactional
    public EnvironmentView update(Actor actor, String name, EnvironmentSpec spec) {
        actor.requirePlatformAdmin("change environments");
        Environment environment = load(name);
        if (!Text.clean(spec.name()).equals(name)) {
            throw new InvalidInputException("name", "cannot be changed: namespaces and releases refer to it");
        }
        long clusterId = check(spec, name);
        describe(environment, spec, clusterId, clock.instant());
        refuseSharedNamespaces(environment);
        audit.record(actor, "environment.changed", "environment", name, null, details(spec));
        return get(name);
    }

    /** Swaps the environment with its neighbour, towards the first stage when {@code earlier}. */
    @Transactional
    public List<EnvironmentView> move(Actor actor, String name, boolean earlier) {
        actor.requirePlatformAdmin("reorder environments");
        List<Environment> ordered = environments.findAllByOrderByPositionAsc();
        int index = ordered.indexOf(load(name));
        int other = earlier ? index - 1 : index + 1;
        if (other < 0 || other >= ordered.size()) {
            return list();
        }
        Instant now = clock.instant();
        Environment a = ordered.get(index);
        Environment b = ordered.get(other);
        int positionA = a.position();
        a.moveTo(b.position(), now);
        b.moveTo(positionA, now);
        audit.record(actor, "environment.moved", "environment", name, null,
                Map.of("direction", earlier ? "earlier" : "later", "position", Integer.toString(a.position())));
        environments.flush();
        return list();
    }

    @Transactional
    public void delete(Actor actor, String name) {
        actor.requirePlatformAdmin("delete environments");
        Environment environment = load(name);
        try {
            environments.delete(environment);
            environments.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Environment '" + name + "' is still in use. Remove what is deployed to it first.", e);
        }
        audit.record(actor, "environment.deleted", "environment", name, null, Map.of());
    }

    private long check(EnvironmentSpec spec, String name) {
        InputCheck check = new InputCheck()
                .field("name", nameProblem(name))
                .field("description", Text.freeText(Text.clean(spec.description()), 500))
                .field("namespaceTemplate", NamespaceRule.templateProblem(Text.clean(spec.namespaceTemplate())))
                .field("prometheusUrl", prometheusUrlProblem(prometheusUrl(spec.prometheusUrl())));
        TrafficRouting routing = routing(spec);
        if (routing != null) {
            check.field("routing.hostTemplate", TrafficRouting.hostProblem(routing.hostTemplate()));
            if (routing.router() == TrafficRouting.Router.GATEWAY_API) {
                check.field("routing.gateway", TrafficRouting.gatewayProblem(routing.gateway()));
            }
        }
        if (Text.clean(spec.cluster()).isEmpty()) {
            check.fail("cluster", "is required: choose the cluster this environment deploys to");
        }
        check.throwIfInvalid();
        try {
            return clusters.idOf(Text.clean(spec.cluster()));
        } catch (NotFoundException e) {
            throw new InvalidInputException("cluster", "there is no cluster '" + spec.cluster() + "'; register it first");
        }
    }

    private static void describe(Environment environment, EnvironmentSpec spec, long clusterId, Instant now) {
        environment.describe(Text.clean(spec.description()), clusterId, Text.clean(spec.namespaceTemplate()),
                spec.createNamespace(), spec.protectedEnvironment(), prometheusUrl(spec.prometheusUrl()), routing(spec),
                now);
    }

    /**
     * Two environments on one cluster must not put the same app into the same namespace, or deploying to
     * one would overwrite the other.
     */
    private void refuseSharedNamespaces(Environment changed) {
        String mine = NamespaceRule.render(changed.namespaceTemplate(), "team", "app", changed.name());
        for (Environment other : environments.findByClusterId(changed.clusterId())) {
            if (other.name().equals(changed.name())) {
                continue;
            }
            if (NamespaceRule.render(other.namespaceTemplate(), "team", "app", other.name()).equals(mine)) {
                throw new InvalidInputException("namespaceTemplate", "would put apps into the same namespace as"
                        + " environment '" + other.name() + "' on the same cluster; include {env} in the template");
            }
        }
    }

    private static Map<String, String> details(EnvironmentSpec spec) {
        return Map.of("cluster", Text.clean(spec.cluster()), "namespaceTemplate", Text.clean(spec.namespaceTemplate()),
                "createNamespace", Boolean.toString(spec.createNamespace()),
                "protected", Boolean.toString(spec.protectedEnvironment()),
                "prometheusUrl", Objects.requireNonNullElse(prometheusUrl(spec.prometheusUrl()), ""));
    }

    private Environment load(String name) {
        return environments.findByName(name)
                .orElseThrow(() -> new NotFoundException("There is no environment '" + name + "'."));
    }

}
