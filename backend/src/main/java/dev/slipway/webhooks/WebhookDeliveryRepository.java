package dev.slipway.webhooks;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    List<WebhookDelivery> findTop50ByAppIdOrderByIdDesc(long appId);

    long countByAppId(long appId);
}
