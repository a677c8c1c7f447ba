package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/** Every assigned reviewer has submitted (quorum): the case waits for the committee's decision. */
public record ReviewReadyForDecision(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        String productName,
        int reviewCount,
        boolean reviewersDisagree) implements DomainEvent {

    public static final String TYPE = "review.ready-for-decision.v1";
}
