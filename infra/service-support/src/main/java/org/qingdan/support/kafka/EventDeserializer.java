package org.qingdan.support.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.events.EventJson;

/**
 * Reads a record into its contract record by the logical type in {@code ce_type}. Wrapped in Spring
 * Kafka's ErrorHandlingDeserializer: a record this cannot read (no type, a type the catalogue does not
 * know, JSON that does not map to the contract, or a payload without the envelope every contract requires:
 * {@code eventId}, {@code occurredAt}, {@code aggregateId}) goes to the dead-letter topic at once instead of
 * blocking its partition or failing in the listener. Other fields are left to the listener: within a
 * version a producer may not send a field a newer consumer knows.
 */
public class EventDeserializer implements Deserializer<DomainEvent> {

    @Override
    public DomainEvent deserialize(String topic, byte[] data) {
        throw new SerializationException("Record on " + topic + " has no headers, so no ce_type");
    }

    @Override
    public DomainEvent deserialize(String topic, Headers headers, byte[] data) {
        Header type = headers.lastHeader(CloudEventHeaders.TYPE);
        if (type == null) {
            throw new SerializationException("Record on " + topic + " has no " + CloudEventHeaders.TYPE + " header");
        }
        if (data == null) {
            throw new SerializationException("Record on " + topic + " has no value");
        }
        String logicalType = new String(type.value(), StandardCharsets.UTF_8);
        DomainEvent event;
        try {
            event = EventJson.read(logicalType, data);
        } catch (RuntimeException e) {
            throw new SerializationException("Cannot read " + logicalType + " from " + topic + ": " + e.getMessage(), e);
        }
        String missing = event == null ? "payload"
                : event.eventId() == null ? "eventId"
                : event.occurredAt() == null ? "occurredAt"
                : event.aggregateId() == null ? "aggregateId" : null;
        if (missing != null) {
            throw new SerializationException("Cannot read " + logicalType + " from " + topic + ": no " + missing);
        }
        return event;
    }
}
