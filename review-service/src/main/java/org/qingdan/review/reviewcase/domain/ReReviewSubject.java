package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.listing.ReportKind;

/**
 * What a re-review case (复核, Art. 12) reviews instead of an application form: a listed product's public data, the
 * report that led to it (never its reporter) and the answers of the enterprise and the lead applicant, with the
 * office's reason for opening it. {@code listingId} is the listing (the product's original application id).
 * Review-service's own types for what it stores, copies of the contracts' {@code PublicProduct},
 * {@code ReReviewRequested.Report}, {@code .Response} and {@code FileRef} on purpose (same fields, same stored names);
 * {@code ReReviewAdapter} maps them from the event and back where the REST API shows them, so that a new version of
 * the event never means migrating stored cases. The measures' vocabularies (enums) stay the contracts'.
 */
public record ReReviewSubject(String listingId, String reReviewId, Product product, Report report, List<Response> responses,
                              String reason, Instant requestedAt) {

    public ReReviewSubject {
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    /** The listed product's public data, as its public page shows it. */
    public record Product(
            String applicationId,
            int callYear,
            String productName,
            String introduction,
            ProductType productType,
            List<ApplicationScenario> scenarios,
            String otherScenarioDescription,
            List<String> keyTechnologies,
            LocalDate goLiveDate,
            Organisation enterprise,
            Organisation leadApplicant,
            List<Organisation> participants,
            List<PublicHonour> honours) {

        /** An organisation by name and unified social credit code, with its role where it has one. */
        public record Organisation(String name, String uscc, String role) {
        }

        /** A patent, certification or award as shown to the public. */
        public record PublicHonour(HonourKind kind, String name, LocalDate date, String issuer) {
        }
    }

    /** The report as the experts see it. */
    public record Report(String reportId, List<ReportKind> kinds, String description, LocalDate occurredOn, Instant filedAt,
                         List<FileRef> evidence) {
    }

    /** An answer of the enterprise or the lead applicant, by organisation (never by person). */
    public record Response(String organisationName, String organisationUscc, String text, List<FileRef> files, Instant respondedAt) {
    }

    /** A file of the report or of a response, by its metadata: the content stays with listing-service. */
    public record FileRef(String id, String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {
    }
}
