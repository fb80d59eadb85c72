package dev.slipway.environments;

import dev.slipway.clusters.ClusterView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "environments")
class Environment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private int position;

    @Column(name = "cluster_id", nullable = false)
    private long clusterId;

    @Column(name = "namespace_template", nullable = false)
    private String namespaceTemplate;

    @Column(name = "create_namespace", nullable = false)
    private boolean createNamespace;

    @Column(name = "protected", nullable = false)
    private boolean protectedEnvironment;

    /** Where canary analysis queries this environment's metrics; null for none. */
    @Column(name = "prometheus_url", length = 500)
    private @Nullable String prometheusUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "traffic_router")
    private TrafficRouting.@Nullable Router trafficRouter;

    @Column(name = "route_host")
    private @Nullable String routeHost;

    @Column(name = "gateway")
    private @Nullable String gateway;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Environment() {
    }

    Environment(String name, int position, Instant now) {
        this.name = name;
        this.position = position;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    long clusterId() {
        return clusterId;
    }

    String namespaceTemplate() {
        return namespaceTemplate;
    }

    void describe(String description, long clusterId, String namespaceTemplate, boolean createNamespace,
                  boolean protectedEnvironment, @Nullable String prometheusUrl, @Nullable TrafficRouting routing,
                  Instant now) {
        this.trafficRouter = routing == null ? null : routing.router();
        this.routeHost = routing == null ? null : routing.hostTemplate();
        this.gateway = routing == null ? null : routing.gateway();
        this.description = description;
        this.clusterId = clusterId;
        this.namespaceTemplate = namespaceTemplate;
        this.createNamespace = createNamespace;
        this.protectedEnvironment = protectedEnvironment;
        this.prometheusUrl = prometheusUrl;
        this.updatedAt = now;
    }

    void moveTo(int position, Instant now) {
        this.position = position;
        this.updatedAt = now;
    }

    EnvironmentView toView(ClusterView cluster) {
        return new EnvironmentView(name, description, position, cluster.name(), cluster.kind(), namespaceTemplate,
                createNamespace, protectedEnvironment, prometheusUrl, trafficRouter == null || routeHost == null ? null
                : new TrafficRouting(trafficRouter, routeHost, gateway));
    }
}
