package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.CallSummary;

/**
 * A returned application was corrected and submitted again (RETURNED → SUBMITTED) as a new
 * {@code formVersion}; the earlier versions stay readable in application-service.
 */
public record ApplicationResubmitted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        CallSummary call,
        int formVersion,
        int previousFormVersion,
        String submittedBy,
        ApplicationFormSnapshot form,
        List<String> riskFlags) implements DomainEvent {

    public static final String TYPE = "application.resubmitted.v1";
}
