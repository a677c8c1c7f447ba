package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The yearly re-confirmation of a listed product was due by {@code dueAt} and has not come: the office is told, once
 * per anniversary, and may delist under Art. 12 (四). Not public. {@code aggregateId} is the listing.
 */
public record ReconfirmationOverdue(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String productName,
        String leadApplicantName,
        Instant dueAt) implements DomainEvent {

    public static final String TYPE = "listing.reconfirmation-overdue.v1";
}
