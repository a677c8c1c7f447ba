package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.listing.ProductDelisted.DelistingReason;

/**
 * The committee decided a re-review case (复核): keep the product listed, or delist it for the Art. 12 reason the
 * report supports ({@code exclusionGround} names the Art. 5 ground when the reason is ART5_EXCLUSION).
 * {@code aggregateId} is the review case; listing-service applies it to {@code listingId}.
 */
public record ReReviewCompleted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String listingId,
        String reReviewId,
        String productName,
        Outcome outcome,
        DelistingReason delistingReason,
        ExclusionGround exclusionGround,
        List<String> reasons,
        String decidedBy,
        Instant decidedAt) implements DomainEvent {

    public static final String TYPE = "review.re-review-completed.v1";

    public enum Outcome { KEEP_LISTED, DELIST }
}
