package dev.slipway.clusters;

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
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(name = "clusters")
class Cluster {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ClusterKind kind;

    @Column(nullable = false)
    private String description;

    @Column(name = "api_url")
    private @Nullable String apiUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_method", nullable = false)
    private ClusterAuth auth;

    @Column(name = "ca_certificate")
    private @Nullable String caCertificate;

    @Column(name = "skip_tls_verify", nullable = false)
    private boolean skipTlsVerify;

    /** The sealed token or kubeconfig (see the encryption feature). */
    @Column(name = "credentials_id")
    private @Nullable UUID credentialsId;

    @Column(name = "credentials_updated_at")
    private @Nullable Instant credentialsUpdatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Cluster() {
    }

    Cluster(String name, ClusterKind kind, Instant now) {
        this.name = name;
        this.kind = kind;
        this.createdAt = now;
        this.updatedAt = now;
        this.auth = ClusterAuth.NONE;
        this.description = "";
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    ClusterKind kind() {
        return kind;
    }

    @Nullable UUID credentialsId() {
        return credentialsId;
    }

    void describe(String description, ClusterAuth auth, @Nullable String apiUrl, @Nullable String caCertificate,
                  boolean skipTlsVerify, Instant now) {
        this.description = description;
        this.auth = auth;
        this.apiUrl = apiUrl;
        this.caCertificate = caCertificate;
        this.skipTlsVerify = skipTlsVerify;
        this.updatedAt = now;
    }

    void replaceCredentials(@Nullable UUID credentialsId, Instant now) {
        this.credentialsId = credentialsId;
        this.credentialsUpdatedAt = credentialsId == null ? null : now;
        this.updatedAt = now;
    }

    ClusterView toView() {
        return new ClusterView(name, kind, description, auth, apiUrl, caCertificate, skipTlsVerify,
                credentialsId != null, credentialsUpdatedAt, createdAt);
    }
}
