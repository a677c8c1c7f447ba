package org.qingdan.notification.webhook.persistence;

import java.time.Instant;
import java.util.List;
import org.qingdan.notification.webhook.domain.Subscription;
import org.qingdan.notification.webhook.domain.SubscriptionStatus;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A webhook subscriber as stored: the office's, or (with {@code ownerOrgUscc}, absent from older documents) a
 * member organisation's. {@code paused} stays a boolean, as every stored subscriber has it.
 */
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
        String createdBy,
        @Indexed(name = "ownerOrgUscc") String ownerOrgUscc) {

    public static final String COLLECTION = "webhookSubscribers";

    static SubscriberDocument of(Subscription s) {
        return new SubscriberDocument(s.id(), s.url(), s.eventTypes(), s.description(), s.secret(), s.paused(), s.consecutiveFailures(),
                s.lastError(), s.pausedAt(), s.createdAt(), s.createdBy(), s.ownerOrgUscc());
    }

    Subscription toDomain() {
        return new Subscription(id, url, eventTypes, description, secret, paused ? SubscriptionStatus.PAUSED : SubscriptionStatus.ACTIVE,
                consecutiveFailures, lastError, pausedAt, createdAt, createdBy, ownerOrgUscc);
    }
}
