package org.qingdan.support.outbox;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventEnvelope;
import org.qingdan.support.events.EventJson;

/**
 * An event waiting in the {@code pendingEvents} array of its aggregate's document, already serialised:
 * the relay needs no Java type to publish it.
 */
public record PendingEvent(
        String eventId,
        String type,
        String topic,
        String key,
        String source,
        Instant occurredAt,
        String payload) {

    public static final String FIELD = "pendingEvents";

    public static PendingEvent of(DomainEvent event, String source) {
        EventEnvelope envelope = EventEnvelope.of(event, source);
        return new PendingEvent(envelope.id(), envelope.type(), envelope.topic(), envelope.key(), source,
                envelope.time(), EventJson.write(event));
    }

    public Document toDocument() {
        return new Document("eventId", eventId)
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("source", source)
                .append("occurredAt", Date.from(occurredAt))
                .append("payload", payload);
    }

    public static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("source"), d.getDate("occurredAt").toInstant(), d.getString("payload"));
    }
}
