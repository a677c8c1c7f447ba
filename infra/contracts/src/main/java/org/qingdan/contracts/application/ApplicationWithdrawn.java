package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact;

/** The applicant withdrew its application before a decision, with a reason. */
public record ApplicationWithdrawn(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String callId,
        String applicantUscc,
        String productName,
        DesignatedContact contact,
        String reason,
        String withdrawnBy) implements DomainEvent {

    public static final String TYPE = "application.withdrawn.v1";
}
