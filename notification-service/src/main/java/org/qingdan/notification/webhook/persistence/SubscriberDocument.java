package org.qingdan.notification.webhook.persistence;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A webhook subscriber the office registered: where, for which event types, its secret, its health. */
@Document(SubscriberDocument.COLLECTION)
public record SubscriberDocument(
        @Id String id,
        String url,
        List<String> eventTypes,
        String description,
        String secret,
        boolean paused,
        int consecutiveFailures,
        String lastError,
        Instant pausedAt,
        Instant createdAt,
        String createdBy) {

    public static final String COLLECTION = "webhookSubscribers";

    public boolean wants(String eventType) {
        return eventTypes.contains("*") || eventTypes.contains(eventType);
    }
}
