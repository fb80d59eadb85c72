package dev.slipway.apps;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppEnvironmentSettingsRepository extends JpaRepository<AppEnvironmentSettings, Long> {

    Optional<AppEnvironmentSettings> findByAppIdAndEnvironmentId(long appId, long environmentId);
}
