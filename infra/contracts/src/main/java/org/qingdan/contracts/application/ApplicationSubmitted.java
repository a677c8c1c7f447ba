package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.CallSummary;

/**
 * An application was submitted into an open call (DRAFT → SUBMITTED). Carries the whole form and the
 * metadata of its attachments; {@code riskFlags} are answers the office must look at in the formal check.
 */
public record ApplicationSubmitted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        CallSummary call,
        int formVersion,
        String submittedBy,
        ApplicationFormSnapshot form,
        List<String> riskFlags) implements DomainEvent {

    public static final String TYPE = "application.submitted.v1";
}
