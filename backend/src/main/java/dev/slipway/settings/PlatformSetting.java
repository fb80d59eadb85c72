package dev.slipway.settings;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored switch; absent rows mean the default. */
@Entity
@Table(name = "platform_settings")
class PlatformSetting {

    static final String ALLOW_LOCAL_REPOSITORIES = "repositories.allow-local";

    @Id
    private String key;

    @Column(nullable = false)
    private String value;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected PlatformSetting() {
    }

    PlatformSetting(String key) {
        this.key = key;
    }

    String value() {
        return value;
    }

    void set(String value, Instant at, String by) {
        this.value = value;
        this.updatedAt = at;
        this.updatedBy = by;
    }
}
