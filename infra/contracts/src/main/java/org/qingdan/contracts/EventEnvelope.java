package org.qingdan.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * An event with the CloudEvents attributes it travels with: {@code id}, {@code type}, {@code source},
 * {@code time} and {@code subject} become the {@code ce_*} headers, {@code data} the JSON value, and
 * {@code key} the Kafka key.
 */
public record EventEnvelope(
        String id,
        String type,
        String source,
        Instant time,
        String subject,
        String topic,
        String key,
        DomainEvent data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an event as produced by {@code source} (a URI reference such as {@code /application-service}). */
    public static EventEnvelope of(DomainEvent event, String source) {
        EventCatalog.Entry entry = EventCatalog.entryFor(event.getClass());
        return new EventEnvelope(event.eventId().toString(), entry.type(), source, event.occurredAt(),
                event.aggregateId(), entry.topic(), event.aggregateId(), event);
    }
}
