package dev.slipway.environments;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EnvironmentRepository extends JpaRepository<Environment, Long> {

    Optional<Environment> findByName(String name);

    boolean existsByName(String name);

    List<Environment> findAllByOrderByPositionAsc();

    List<Environment> findByClusterId(long clusterId);

    @Query("select coalesce(max(e.position), 0) from Environment e")
    int maxPosition();
}
