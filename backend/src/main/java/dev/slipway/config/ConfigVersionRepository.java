package dev.slipway.config;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigVersionRepository extends JpaRepository<ConfigVersion, Long> {

    Optional<ConfigVersion> findFirstByAppIdAndEnvironmentIdOrderByNumberDesc(long appId, long environmentId);

    List<ConfigVersion> findByAppIdAndEnvironmentIdOrderByNumberDesc(long appId, long environmentId);

    Optional<ConfigVersion> findByAppIdAndEnvironmentIdAndNumber(long appId, long environmentId, int number);

    List<ConfigVersion> findByAppId(long appId);
}
