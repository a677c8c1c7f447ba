package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.CallSummary;

/**
 * The office accepted the application in the formal check (受理). Carries the accepted form version
 * whole: review-service opens its case from this event alone.
 */
public record ApplicationAccepted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        CallSummary call,
        int formVersion,
        ApplicationFormSnapshot form,
        List<String> riskFlags,
        String acceptedBy) implements DomainEvent {

    public static final String TYPE = "application.accepted.v1";
}
