package org.qingdan.contracts.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * A member reported a problem with a listed product (情况反映, Art. 12). {@code aggregateId} is the report. Not
 * public, and without the reporter: the office sees who filed it in listing-service; the enterprise and the lead
 * applicant ({@code enterpriseUscc}, {@code leadApplicantUscc}) learn only that a report exists.
 */
public record ReportFiled(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String listingId,
        String productName,
        List<ReportKind> kinds,
        LocalDate occurredOn,
        Instant filedAt,
        String enterpriseUscc,
        String leadApplicantUscc) implements DomainEvent {

    public static final String TYPE = "listing.report-filed.v1";
}
