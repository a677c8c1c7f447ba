package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * An expert was assigned to review an application. {@code aggregateId} is the review case; application-service
 * learns from this event which reviewer may download the application's attachments.
 */
public record ReviewerAssigned(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        String reviewerId,
        String reviewerName,
        String reviewerEmail,
        String reviewerOrgUscc,
        Instant dueAt,
        String assignedBy) implements DomainEvent {

    public static final String TYPE = "review.reviewer-assigned.v1";
}
