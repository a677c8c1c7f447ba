package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * A member lodged an objection during public notice (公示异议). Public fact only: who objected and the
 * grounds stay with listing-service and the office.
 */
public record ObjectionLodged(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String objectionId,
        String productName,
        Instant lodgedAt) implements DomainEvent {

    public static final String TYPE = "listing.objection-lodged.v1";
}
