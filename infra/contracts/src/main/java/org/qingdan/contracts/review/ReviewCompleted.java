package org.qingdan.contracts.review;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.form.Rating;

/**
 * The committee decided (审核): approved or rejected with reasons, with the aggregated scores. An approved
 * product's public page travels along, so listing-service starts public notice from this event alone.
 */
public record ReviewCompleted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String applicationId,
        CallSummary call,
        Decision decision,
        List<String> reasons,
        int reviewCount,
        List<DimensionScore> scores,
        PublicProduct product,
        String applicantUscc,
        DesignatedContact contact,
        String decidedBy) implements DomainEvent {

    public static final String TYPE = "review.completed.v1";

    /** The committee's decision. */
    public enum Decision {
        APPROVED("通过"),
        REJECTED("不通过");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One dimension: how many reviewers gave each rating, their median, and the applicant's own rating. */
    public record DimensionScore(
            AssessmentDimension dimension,
            Map<Rating, Integer> distribution,
            Rating median,
            Rating selfAssessed,
            boolean reviewersDisagree) {
    }
}
