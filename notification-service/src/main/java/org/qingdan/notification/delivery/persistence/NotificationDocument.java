package org.qingdan.notification.delivery.persistence;

import java.time.Instant;
import java.util.List;
import org.qingdan.notification.delivery.domain.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification: one event, one recipient, one channel. The id is derived from the three, so the
 * insert that creates it is also the claim: a redelivered event or a second instance finds it taken.
 */
@Document(NotificationDocument.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "inbox", def = "{'channel': 1, 'recipient': 1, 'createdAt': -1}"),
        @CompoundIndex(name = "due", def = "{'status': 1, 'nextAttemptAt': 1}")})
public record NotificationDocument(
        @Id String id,
        String eventId,
        String eventType,
        String aggregateId,
        Channel channel,
        String recipient,
        String recipientName,
        String subject,
        String text,
        String html,
        String status,
        int attempts,
        String lastError,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant createdAt,
        Instant deliveredAt,
        List<String> readBy) {

    public static final String COLLECTION = "notifications";
}
