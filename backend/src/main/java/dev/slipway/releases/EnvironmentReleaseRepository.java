package dev.slipway.releases;

import org.springframework.data.jpa.repository.JpaRepository;

interface EnvironmentReleaseRepository extends JpaRepository<EnvironmentRelease, EnvironmentRelease.Key> {
}
