package dev.slipway.webhooks;

import org.springframework.data.jpa.repository.JpaRepository;

interface AppWebhookRepository extends JpaRepository<AppWebhook, Long> {
}
