package dev.slipway.webhooks;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    List<WebhookDelivery> findTop50ByAppIdOrderByIdDesc(long appId);

    /** The app's deliveries, a page at a time, newest first. */
    Page<WebhookDelivery> findByAppIdOrderByIdDesc(long appId, Pageable pageable);

    /** One delivery of the app; empty for another app's, so ids of other teams' deliveries tell nothing. */
    Optional<WebhookDelivery> findByIdAndAppId(long id, long appId);

    long countByAppId(long appId);
}
