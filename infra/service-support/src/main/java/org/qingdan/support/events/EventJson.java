package org.qingdan.support.events;

import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapping of event payloads, used by the outbox when it stores an event and by consumers
 * when they read one. Unknown properties are ignored: within a version producers may add fields.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public static String write(DomainEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static byte[] writeBytes(DomainEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    /** Reads a payload of the given logical type; fails for a type the catalog does not know. */
    public static DomainEvent read(String type, byte[] json) {
        EventCatalog.Entry entry = EventCatalog.byType(type)
                .orElseThrow(() -> new IllegalArgumentException("Unknown event type: " + type));
        return MAPPER.readValue(json, entry.payload());
    }

    private EventJson() {
    }
}
