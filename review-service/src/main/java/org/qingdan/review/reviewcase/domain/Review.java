package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
import java.util.Map;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.Rating;

/**
 * One expert's review (评审意见): the four dimensions on the five-level scale, whether the declared Art. 4
 * basis holds, each Art. 5 exclusion found or not, the recommendation, and comments for the committee and
 * for the applicant. Kept as a draft until submitted; a submitted review does not change.
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
        Instant submittedAt) {

    public Review {
        ratings = ratings == null ? Map.of() : Map.copyOf(ratings);
        exclusionsFound = exclusionsFound == null ? Map.of() : Map.copyOf(exclusionsFound);
    }
}
