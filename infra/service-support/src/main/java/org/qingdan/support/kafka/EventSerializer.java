package org.qingdan.support.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.events.EventJson;

/**
 * Values on the wire: the outbox hands over JSON already serialised (a String); a dead-lettered record
 * keeps its original bytes; an event record becomes its JSON. Never adds a Java type header.
 */
public class EventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof DomainEvent event) {
            return EventJson.writeBytes(event);
        }
        throw new SerializationException("Cannot put a " + data.getClass().getName() + " on " + topic);
    }
}
