package org.qingdan.contracts.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The enterprise or the lead applicant of a listed product reported a major change (Art. 12 (二)) for the office to
 * decide. Not public. {@code aggregateId} is the change report.
 */
public record EnterpriseChangeReported(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String listingId,
        String productName,
        EnterpriseChangeKind kind,
        String description,
        LocalDate effectiveOn,
        String reportedByOrgName,
        Instant reportedAt) implements DomainEvent {

    public static final String TYPE = "listing.enterprise-change-reported.v1";
}
