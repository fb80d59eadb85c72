package dev.slipway.promotions;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromotionRepository extends JpaRepository<Promotion, Long> {

    List<Promotion> findTop50ByAppIdOrderByIdDesc(long appId);

    Optional<Promotion> findByAppIdAndToEnvironmentIdAndStatus(long appId, long toEnvironmentId, PromotionStatus status);
}
