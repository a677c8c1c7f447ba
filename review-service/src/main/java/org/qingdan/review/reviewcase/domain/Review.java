package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
import java.util.Map;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.Rating;

/**
 * One expert's review (评审意见): the four dimensions on the five-level scale, whether the declared Art. 4
 * basis holds, each Art. 5 exclusion found or not, the recommendation, and comments for the committee and
 * for the applicant, and per dimension the evidence the rating rests on (optional; reviews of earlier releases
 * have none). Kept as a draft until submitted; a submitted review does not change.
 */
public record Review(
        String reviewerId,
        Map<AssessmentDimension, Rating> ratings,
        Boolean eligibilityConfirmed,
        Map<ExclusionGround, Boolean> exclusionsFound,
        Boolean recommend,
        String commentsForCommittee,
        String commentsForApplicant,
        boolean submitted,
        Instant savedAt,
        Instant submittedAt,
        Map<AssessmentDimension, String> dimensionComments) {

    public Review {
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        exclusionsFound = exclusionsFound == null ? Map.of() : Map.copyOf(exclusionsFound);
        dimensionComments = dimensionComments == null ? Map.of() : Map.copyOf(dimensionComments);
    }

    /** A review without evidence per dimension. */
    public Review(String reviewerId, Map<AssessmentDimension, Rating> ratings, Boolean eligibilityConfirmed,
                  Map<ExclusionGround, Boolean> exclusionsFound, Boolean recommend, String commentsForCommittee,
                  String commentsForApplicant, boolean submitted, Instant savedAt, Instant submittedAt) {
        this(reviewerId, ratings, eligibilityConfirmed, exclusionsFound, recommend, commentsForCommittee, commentsForApplicant,
                submitted, savedAt, submittedAt, Map.of());
    }

    /** The same answers, as kept for the expert at a given moment, submitted or not. */
    Review as(String reviewer, boolean isSubmitted, Instant saved, Instant submittedOn) {
        return new Review(reviewer, ratings, eligibilityConfirmed, exclusionsFound, recommend, commentsForCommittee,
                commentsForApplicant, isSubmitted, saved, submittedOn, dimensionComments);
    }
}
