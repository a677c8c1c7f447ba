package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The outcome of an objection, for the member that lodged it. Not public: it names the objector, so it
 * travels on {@code listing.office.events}, never on the public {@code listing.events} (where
 * {@link ObjectionDecided} says the same without the objector).
 */
public record ObjectionOutcome(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String objectionId,
        String objectorUsername,
        String objectorOrgUscc,
        String objectorOrgName,
        ObjectionDecided.Outcome outcome,
        String reason,
        String productName) implements DomainEvent {

    public static final String TYPE = "listing.objection-outcome.v1";
}
