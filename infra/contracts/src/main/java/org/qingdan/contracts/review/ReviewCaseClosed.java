package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The review case closed without a decision because the applicant withdrew (撤回确认): from now on no
 * decision can be made on it. review-service decides between a withdrawal and the committee's decision
 * (the case takes one or the other), so application-service marks an accepted application WITHDRAWN only
 * on this event; if the decision came first, ReviewCompleted says so instead. {@code aggregateId} is the case.
 */
public record ReviewCaseClosed(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        String reason) implements DomainEvent {

    public static final String TYPE = "review.case-closed.v1";
}
