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
        String payload,
        String traceparent) {

    public static final String FIELD = "pendingEvents";

    public static PendingEvent of(DomainEvent event, String source) {
        return of(event, source, null);
    }

    /**
     * @param traceparent the W3C trace context of the request that raised the event, so that the trace
     *                    continues through the relay and the broker into every consumer; may be null
     */
    public static PendingEvent of(DomainEvent event, String source, String traceparent) {
        EventEnvelope envelope = EventEnvelope.of(event, source);
        return new PendingEvent(envelope.id(), envelope.type(), envelope.topic(), envelope.key(), source,
                envelope.time(), EventJson.write(event), traceparent);
    }

    public Document toDocument() {
        return new Document("eventId", eventId)
                .append("type", type)
                .append("topic", topic)
                .append("key", key)
                .append("source", source)
                .append("occurredAt", Date.from(occurredAt))
                .append("payload", payload)
                .append("traceparent", traceparent);
    }

    public static PendingEvent fromDocument(Document d) {
        return new PendingEvent(d.getString("eventId"), d.getString("type"), d.getString("topic"), d.getString("key"),
                d.getString("source"), d.getDate("occurredAt").toInstant(), d.getString("payload"),
                d.getString("traceparent"));
    }
}
