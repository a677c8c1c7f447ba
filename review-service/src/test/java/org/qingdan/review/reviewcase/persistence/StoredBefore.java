package org.qingdan.review.reviewcase.persistence;

import java.util.EnumMap;
import java.util.List;
import org.qingdan.review.reviewcase.domain.DelistingReason;
import org.qingdan.review.reviewcase.domain.ExclusionGround;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.events.FormAdapter;
import org.qingdan.review.testing.ReviewFixtures;

/**
 * Two cases as the release before the service's own types built them (every field of the form set, an Art. 5 ground
 * found and decided on); {@code stored-before-own-types.json} holds them as that release stored them.
 */
final class StoredBefore {

    /** An application's case: its call, the full form, three reviews (one finding an Art. 5 situation), rejected. */
    static ReviewCase applicationCase() {
        ReviewCase c = ReviewCase.open("old-app", ReviewFixtures.CALL, 1, FormAdapter.toDomain(ReviewFixtures.fullForm()), List.of("major-latent-risk"),
                ReviewFixtures.NOW);
        c = ReviewFixtures.assigned(c, ReviewFixtures.R1, ReviewFixtures.R2, ReviewFixtures.R3);
        c = withGround(c, "r1", ExclusionGround.UNRESOLVED_COMPLAINTS);
        c = ReviewFixtures.submitted(ReviewFixtures.submitted(c, "r2"), "r3");
        return c.decide(false, List.of("投诉未能及时化解"), "committee", ReviewFixtures.NOW).reviewCase();
    }

    /** A re-review (its product, report and an answer with files) delisted under Art. 12(3), naming its Art. 5 ground. */
    static ReviewCase reReviewCase() {
        ReviewCase c = ReviewFixtures.assigned(ReviewFixtures.reReview("old-rr", ReviewFixtures.NOW), ReviewFixtures.R1, ReviewFixtures.R2,
                ReviewFixtures.R3);
        for (String r : List.of("r1", "r2", "r3")) {
            c = ReviewFixtures.submitted(c, r);
        }
        return c.decideReReview(false, DelistingReason.ART5_EXCLUSION, ExclusionGround.FRAUD, List.of("弄虚作假"), "committee",
                ReviewFixtures.NOW).reviewCase();
    }

    private static ReviewCase withGround(ReviewCase c, String reviewerId, ExclusionGround ground) {
        Review base = ReviewFixtures.complete();
        var exclusions = new EnumMap<>(base.exclusionsFound());
        exclusions.put(ground, true);
        Review found = new Review(null, base.ratings(), true, exclusions, false, "投诉未化解", "请说明投诉处理", false, null, null);
        return c.saveDraft(reviewerId, found, ReviewFixtures.NOW).submit(reviewerId, ReviewFixtures.NOW).reviewCase();
    }

    private StoredBefore() {
    }
}
