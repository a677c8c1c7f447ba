package org.qingdan.notification.delivery.events;

import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.notification.delivery.NotificationService;
import org.qingdan.notification.delivery.CorrectionReminders;
import org.qingdan.notification.delivery.ReconfirmationReminders;
import org.qingdan.notification.delivery.ReviewReminders;
import org.qingdan.notification.productuse.ProductUseService;
import org.qingdan.notification.webhook.WebhookService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Every domain event of every service becomes notifications and webhook deliveries. */
@Component
public class DomainEventsListener {

    private final NotificationService notifications;
    private final ReviewReminders reminders;
    private final CorrectionReminders corrections;
    private final ReconfirmationReminders reconfirmations;
    private final WebhookService webhooks;
    private final ProductUseService productUse;

    public DomainEventsListener(NotificationService notifications, ReviewReminders reminders, CorrectionReminders corrections,
                                ReconfirmationReminders reconfirmations, WebhookService webhooks, ProductUseService productUse) {
        this.productUse = productUse;
        this.reconfirmations = reconfirmations;
        this.notifications = notifications;
        this.reminders = reminders;
        this.corrections = corrections;
        this.webhooks = webhooks;
    }

    @KafkaListener(topics = {Topics.APPLICATION_EVENTS, Topics.REVIEW_EVENTS, Topics.LISTING_EVENTS})
    void on(DomainEvent event) {
        reminders.learn(event);
        corrections.learn(event);
        reconfirmations.learn(event);
        notifications.handle(event);
        webhooks.handle(event);
        productUse.tell(event); // the members that run the product (我行在用)
    }

    /** Facts that are not public (who objected): notifications to the members concerned, never to webhooks. */
    @KafkaListener(topics = Topics.LISTING_OFFICE_EVENTS)
    void onOfficeEvent(DomainEvent event) {
        notifications.handle(event);
    }
}
