package org.qingdan.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event payload carries (ARCHITECTURE.md, "Events"). The logical type and topic of
 * each implementation are declared in {@link EventCatalog}, never derived from the Java class name.
 */
public interface DomainEvent {

    /** Unique per event; consumers de-duplicate on it. */
    UUID eventId();

    Instant occurredAt();

    /** Id of the producing aggregate; also the Kafka key, so one aggregate's events stay in order. */
    String aggregateId();

    /** Version of the aggregate after the change this event records. */
    long aggregateVersion();
}
