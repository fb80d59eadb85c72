package dev.slipway.apps;

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

/** The stored {@link DeploySettings} of one app in one environment. */
@Entity
@Table(name = "app_environment_settings")
class AppEnvironmentSettings {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_id", nullable = false, updatable = false)
    private long appId;

    @Column(name = "environment_id", nullable = false, updatable = false)
    private long environmentId;

    private int replicas;
    @Column(name = "cpu_request")
    private String cpuRequest;
    @Column(name = "cpu_limit")
    private String cpuLimit;
    @Column(name = "memory_request")
    private String memoryRequest;
    @Column(name = "memory_limit")
    private String memoryLimit;
    @Column(name = "max_surge")
    private String maxSurge;
    @Column(name = "max_unavailable")
    private String maxUnavailable;
    @Column(name = "progress_deadline_seconds")
    private int progressDeadlineSeconds;
    @Column(name = "autoscale_min")
    private @Nullable Integer autoscaleMin;
    @Column(name = "autoscale_max")
    private @Nullable Integer autoscaleMax;
    @Column(name = "autoscale_cpu_percent")
    private @Nullable Integer autoscaleCpuPercent;
    @Enumerated(EnumType.STRING)
    private DeployStrategy strategy;
    @Column(name = "canary_steps")
    private @Nullable String canarySteps;
    @Column(name = "bg_preview_replicas")
    private @Nullable Integer bgPreviewReplicas;
    @Column(name = "bg_auto_promote")
    private @Nullable Boolean bgAutoPromote;
    @Column(name = "bg_auto_promote_delay_seconds")
    private @Nullable Integer bgAutoPromoteDelaySeconds;
    @Column(name = "bg_scale_down_delay_seconds")
    private @Nullable Integer bgScaleDownDelaySeconds;
    @Column(name = "bg_pre_analysis")
    private @Nullable String bgPreAnalysis;
    @Column(name = "bg_post_analysis")
    private @Nullable String bgPostAnalysis;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Version
    private long version;

    protected AppEnvironmentSettings() {
    }

    AppEnvironmentSettings(long appId, long environmentId) {
        this.appId = appId;
        this.environmentId = environmentId;
    }

    void set(DeploySettings s, Instant now, String by) {
        replicas = s.replicas();
        cpuRequest = s.cpuRequest();
        cpuLimit = s.cpuLimit();
        memoryRequest = s.memoryRequest();
        memoryLimit = s.memoryLimit();
        maxSurge = s.maxSurge();
        maxUnavailable = s.maxUnavailable();
        progressDeadlineSeconds = s.progressDeadlineSeconds();
        autoscaleMin = s.autoscaling() == null ? null : s.autoscaling().min();
        autoscaleMax = s.autoscaling() == null ? null : s.autoscaling().max();
        autoscaleCpuPercent = s.autoscaling() == null ? null : s.autoscaling().cpuPercent();
        strategy = s.strategy();
        canarySteps = s.canarySteps() == null || s.canarySteps().isBlank() ? null : s.canarySteps().strip();
        DeploySettings.BlueGreen b = s.blueGreen();
        bgPreviewReplicas = b == null ? null : b.previewReplicas();
        bgAutoPromote = b == null ? null : b.autoPromote();
        bgAutoPromoteDelaySeconds = b == null ? null : b.autoPromoteDelaySeconds();
        bgScaleDownDelaySeconds = b == null ? null : b.scaleDownDelaySeconds();
        bgPreAnalysis = b == null ? null : blankToNull(b.prePromotionAnalysis());
        bgPostAnalysis = b == null ? null : blankToNull(b.postPromotionAnalysis());
        updatedAt = now;
        updatedBy = by;
    }

    DeploySettings toSettings() {
        DeploySettings.Autoscaling autoscaling = autoscaleMin == null || autoscaleMax == null || autoscaleCpuPercent == null
                ? null
                : new DeploySettings.Autoscaling(autoscaleMin, autoscaleMax, autoscaleCpuPercent);
        return new DeploySettings(replicas, cpuRequest, cpuLimit, memoryRequest, memoryLimit, maxSurge, maxUnavailable,
                progressDeadlineSeconds, autoscaling, strategy, canarySteps, bgAutoPromote == null ? null
                : new DeploySettings.BlueGreen(bgPreviewReplicas, bgAutoPromote,
                        bgAutoPromoteDelaySeconds == null ? 0 : bgAutoPromoteDelaySeconds,
                        bgScaleDownDelaySeconds == null ? 30 : bgScaleDownDelaySeconds, bgPreAnalysis, bgPostAnalysis));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
