package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * An expert submitted its review (提交评审意见). What the review says stays in review-service (reviews are
 * independent and for the committee); this event only says that this expert is done, so that nobody
 * reminds it of a deadline any more. {@code aggregateId} is the review case.
 */
public record ReviewSubmitted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        String reviewerId,
        Instant submittedAt) implements DomainEvent {

    public static final String TYPE = "review.review-submitted.v1";
}
