package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The office took an assigned expert off a case before its review was in (撤换): its assignment ended, it may no
 * longer read the application, and it hears no more reminders; it is told so. The reason stays in review-service,
 * where the office reads it. {@code aggregateId} is the review case.
 */
public record ReviewerUnassigned(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        String reviewerId,
        String reviewerName,
        String reviewerEmail,
        String unassignedBy) implements DomainEvent {

    public static final String TYPE = "review.reviewer-unassigned.v1";
}
