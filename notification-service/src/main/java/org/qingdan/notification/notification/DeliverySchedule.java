package org.qingdan.notification.notification;

import org.qingdan.notification.webhook.WebhookService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Retries due mail and webhook deliveries; claims keep several instances from sending one twice. */
@Component
public class DeliverySchedule {

    private final NotificationService notifications;
    private final WebhookService webhooks;

    public DeliverySchedule(NotificationService notifications, WebhookService webhooks) {
        this.notifications = notifications;
        this.webhooks = webhooks;
    }

    @Scheduled(fixedDelayString = "${qingdan.notifications.retry-interval:PT1S}", initialDelayString = "PT1S")
    public void deliverDue() {
        notifications.deliverDue();
        webhooks.deliverDue();
    }
}
