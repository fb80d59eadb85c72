package dev.slipway.rollouts;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RolloutEventRepository extends JpaRepository<RolloutEvent, Long> {

    List<RolloutEvent> findByRolloutIdOrderByIdAsc(long rolloutId);
}
