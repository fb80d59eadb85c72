package dev.slipway.clusters;

import dev.slipway.audit.AuditLog;
import dev.slipway.encryption.Envelopes;
import dev.slipway.shared.Actor;
import dev.slipway.shared.ConflictException;
import dev.slipway.shared.InvalidInputException;
import dev.slipway.shared.NotFoundException;
import dev.slipway.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers and describes clusters. Changes are for platform admins only. */
@Service
public class ClusterService {

    private final ClusterRepository clusters;
    private final Envelopes envelopes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ClusterService(ClusterRepository clusters, Envelopes envelopes, AuditLog audit, ApplicationEventPublisher events,
                   Clock clock) {
        this.clusters = clusters;
        this.envelopes = envelopes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * How to reach a cluster, credentials decrypted. For Slipway's own use when it builds a Kubernetes
     * client (the deploy engine acts for users who were authorized when they started the deploy); never
     * hand the result to a user.
     */
    @Transactional(readOnly = true)
    public ClusterConnection connection(String name) {
        Cluster cluster = load(name);
        ClusterView view = cluster.toView();
        UUID credentials = cluster.credentialsId();
        return new ClusterConnection(view.name(), view.kind(), view.auth(), view.apiUrl(), view.caCertificate(),
                view.skipTlsVerify(), credentials == null ? null : envelopes.open(credentials));
    }

    @Transactional(readOnly = true)
    public List<ClusterView> list(Actor actor) {
        actor.requirePlatformAdmin("see cluster settings");
        return clusters.findAllByOrderByNameAsc().stream().map(Cluster::toView).toList();
    }

    @Transactional(readOnly = true)
    public ClusterView get(Actor actor, String name) {
        actor.requirePlatformAdmin("see cluster settings");
        return load(name).toView();
    }

    @Transactional
    public ClusterView register(Actor actor, ClusterSpec spec) {
        actor.requirePlatformAdmin("register clusters");
        ClusterRules.check(spec, false);
        String name = Text.clean(spec.name());
        if (clusters.existsByName(name)) {
            throw new InvalidInputException("name", "a cluster named '" + name + "' already exists; choose another name");
        }
        Instant now = clock.instant();
        Cluster cluster = new Cluster(name, spec.kind(), now);
        describe(cluster, spec, now);
        try {
            clusters.saveAndFlush(cluster);
        } catch (DataIntegrityViolationException e) {
            throw new InvalidInputException("name", "a cluster named '" + name + "' already exists; choose another name");
        }
        audit.record(actor, "cluster.registered", "cluster", name, null, auditDetails(spec));
        return cluster.toView();
    }

    /** Changes a cluster; credentials are kept unless new ones are given. The kind cannot change. */
    @Transactional
    public ClusterView update(Actor actor, String name, ClusterSpec spec) {
        actor.requirePlatformAdmin("change clusters");
        Cluster cluster = load(name);
        if (spec.kind() != cluster.kind()) {
            throw new InvalidInputException("kind", "cannot change from " + cluster.kind() + " to " + spec.kind()
                    + "; register a new cluster and move the environments to it");
        }
        if (!Text.clean(spec.name()).equals(name)) {
            throw new InvalidInputException("name", "cannot be changed; register a new cluster instead");
        }
        // a token cannot serve as a kubeconfig or the reverse: switching the kind of auth needs new credentials
        boolean sameAuth = cluster.toView().auth() == spec.auth();
        ClusterRules.check(spec, cluster.credentialsId() != null && sameAuth);
        describe(cluster, spec, clock.instant());
        audit.record(actor, "cluster.changed", "cluster", name, null, auditDetails(spec));
        events.publishEvent(new ClusterChanged(name));
        return cluster.toView();
    }

    @Transactional
    public void delete(Actor actor, String name) {
        actor.requirePlatformAdmin("delete clusters");
        Cluster cluster = load(name);
        UUID credentials = cluster.credentialsId();
        try {
            clusters.delete(cluster);
            clusters.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Cluster '" + name + "' is still used by environments. Move them to another"
                    + " cluster or delete them first.", e);
        }
        if (credentials != null) {
            envelopes.delete(credentials);
        }
        audit.record(actor, "cluster.deleted", "cluster", name, null, Map.of());
        events.publishEvent(new ClusterChanged(name));
    }

    /** The internal id of a cluster, for environments that refer to it. */
    @Transactional(readOnly = true)
    public long idOf(String name) {
        return load(name).id();
    }

    /** Cluster views by id, for features that store only the id; visible to every signed-in user. */
    @Transactional(readOnly = true)
    public Map<Long, ClusterView> byIds(Collection<Long> ids) {
        Map<Long, ClusterView> result = new LinkedHashMap<>();
        clusters.findAllById(ids).forEach(c -> result.put(c.id(), c.toView()));
        return result;
    }

    private void describe(Cluster cluster, ClusterSpec spec, Instant now) {
        String apiUrl = switch (spec.auth()) {
            case TOKEN -> Text.clean(spec.apiUrl());
            case KUBECONFIG -> spec.credentials() != null
                    ? ClusterRules.kubeconfigServer(spec.credentials()).orElse(null)
                    : cluster.toView().apiUrl();
            case NONE, IN_CLUSTER -> null;
        };
        String ca = spec.caCertificate() == null || spec.caCertificate().isBlank() ? null : spec.caCertificate().strip();
        cluster.describe(Text.clean(spec.description()), spec.auth(), apiUrl, ca, spec.skipTlsVerify(), now);
        boolean needsCredentials = spec.auth() == ClusterAuth.TOKEN || spec.auth() == ClusterAuth.KUBECONFIG;
        @Nullable UUID old = cluster.credentialsId();
        if (!needsCredentials) {
            cluster.replaceCredentials(null, now);
        } else if (spec.credentials() != null) {
            String value = spec.auth() == ClusterAuth.TOKEN ? spec.credentials().strip() : spec.credentials();
            cluster.replaceCredentials(envelopes.seal(value), now);
        }
        if (old != null && !old.equals(cluster.credentialsId())) {
            clusters.flush();
            envelopes.delete(old);
        }
    }

    /** What changed, without the credentials: only whether new ones were given. */
    private static Map<String, String> auditDetails(ClusterSpec spec) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", spec.kind().name());
        details.put("auth", spec.auth().name());
        if (spec.apiUrl() != null) {
            details.put("apiUrl", spec.apiUrl());
        }
        details.put("skipTlsVerify", Boolean.toString(spec.skipTlsVerify()));
        details.put("credentials", spec.credentials() == null ? "unchanged" : "replaced");
        return details;
    }

    private Cluster load(String name) {
        return clusters.findByName(name).orElseThrow(() -> new NotFoundException("There is no cluster '" + name + "'."));
    }

}
