package dev.slipway.builds;

import org.springframework.data.jpa.repository.JpaRepository;

interface RepositoryTokenRepository extends JpaRepository<RepositoryToken, Long> {
}
