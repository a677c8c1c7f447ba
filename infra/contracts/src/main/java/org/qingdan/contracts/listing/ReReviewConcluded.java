package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * Public: the committee concluded a re-review. KEPT: the product stays listed (复核保留), with the committee's
 * reasons; DELISTED: it leaves the list, and {@code listing.product-delisted.v1} with the new edition follows.
 * {@code aggregateId} is the listing.
 */
public record ReReviewConcluded(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String reReviewId,
        String productName,
        Outcome outcome,
        List<String> reasons,
        Instant concludedAt) implements DomainEvent {

    public static final String TYPE = "listing.re-review-concluded.v1";

    public enum Outcome { KEPT, DELISTED }
}
