package org.qingdan.listing.register.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.qingdan.contracts.listing.ReportKind;

/**
 * An open re-review (复核, Art. 12) of a listed product: the public record shows 复核中 until the committee keeps
 * the product (复核保留) or delists it. The listing keeps only this marker; the report and its responses stay in
 * their own documents and travel once, in the {@link Brief}, to review-service.
 */
public record ReReview(String id, String reportId, Instant openedAt, String openedBy) {

    /** What the experts get: the report (never its reporter) and the enterprise's and lead applicant's answers. */
    public record Brief(String reportId, List<ReportKind> kinds, String description, LocalDate occurredOn, Instant filedAt,
                        List<File> evidence, List<Answer> answers, String reason) {
        public Brief {
            kinds = List.copyOf(kinds);
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
            answers = answers == null ? List.of() : List.copyOf(answers);
        }
    }

    public record File(String id, String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {
    }

    public record Answer(String organisationName, String organisationUscc, String text, List<File> files, Instant respondedAt) {
    }

    /** The committee's decision on a re-review, as review-service reports it. */
    public record Conclusion(String reReviewId, boolean keep, DelistingReason reason,
                             ExclusionGround ground, List<String> reasons, String decidedBy) {
    }
}
