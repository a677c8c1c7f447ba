package org.qingdan.contracts.listing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.PublicProduct;

/**
 * The office opened a re-review (复核) of a listed product on a report (Art. 12): review-service turns it into a
 * review case with everything the experts need, so that no service calls back: the product's current public data,
 * the report (without its reporter) and the enterprise's and lead applicant's responses. {@code aggregateId} is the
 * listing. Not public: the website hears {@code listing.re-review-opened.v1}.
 */
public record ReReviewRequested(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String reReviewId,
        PublicProduct product,
        Report report,
        List<Response> responses,
        String reason,
        Instant requestedAt,
        String requestedBy) implements DomainEvent {

    public static final String TYPE = "listing.re-review-requested.v1";

    /** The report as the experts see it. */
    public record Report(String reportId, List<ReportKind> kinds, String description, LocalDate occurredOn, Instant filedAt,
                         List<FileRef> evidence) {
    }

    /** An answer of the enterprise or the lead applicant, by organisation (never by person). */
    public record Response(String organisationName, String organisationUscc, String text, List<FileRef> files, Instant respondedAt) {
    }
}
