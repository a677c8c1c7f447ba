package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * Public: a listed product is under re-review (复核中, Art. 12); it stays on the list until the committee decides.
 * {@code aggregateId} is the listing.
 */
public record ReReviewOpened(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String reReviewId,
        String productName,
        Instant openedAt) implements DomainEvent {

    public static final String TYPE = "listing.re-review-opened.v1";
}
