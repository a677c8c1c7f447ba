package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * The office asked the product's enterprise and lead applicant to answer a report by {@code respondBy}, with text
 * and files. {@code aggregateId} is the report. Not public.
 */
public record ReportResponseRequested(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String listingId,
        String productName,
        String question,
        Instant respondBy,
        String enterpriseUscc,
        String leadApplicantUscc) implements DomainEvent {

    public static final String TYPE = "listing.report-response-requested.v1";
}
