package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * An assigned expert declared a conflict of interest and stepped aside (回避): its assignment ended, it may
 * no longer read the application, and the office must assign someone else. The reason stays in
 * review-service, where the office reads it. {@code aggregateId} is the review case.
 */
public record ReviewerRecused(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        String reviewerId,
        String reviewerName) implements DomainEvent {

    public static final String TYPE = "review.reviewer-recused.v1";
}
