package dev.slipway.clusters;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ClusterRepository extends JpaRepository<Cluster, Long> {

    Optional<Cluster> findByName(String name);

    boolean existsByName(String name);

    List<Cluster> findAllByOrderByNameAsc();
}
