package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact;

/**
 * The formal check refused the application (不予受理), with the reason; final. {@code lapsed}: refused by the system
 * because the deadline for a correction (补正期限) passed without one.
 */
public record ApplicationNotAccepted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String callId,
        int formVersion,
        String applicantUscc,
        String productName,
        DesignatedContact contact,
        String reason,
        boolean lapsed,
        String decidedBy) implements DomainEvent {

    public static final String TYPE = "application.not-accepted.v1";
}
