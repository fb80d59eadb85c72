package dev.slipway.builds;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeployKeyRepository extends JpaRepository<DeployKey, Long> {
}
