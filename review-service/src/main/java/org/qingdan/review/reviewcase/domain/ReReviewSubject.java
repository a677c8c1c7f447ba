package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
import java.util.List;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.ReReviewRequested;

/**
 * What a re-review case (复核, Art. 12) reviews instead of an application form: a listed product's public data, the
 * report that led to it (never its reporter) and the answers of the enterprise and the lead applicant, with the
 * office's reason for opening it. {@code listingId} is the listing (the product's original application id).
 */
public record ReReviewSubject(String listingId, String reReviewId, PublicProduct product, ReReviewRequested.Report report,
                              List<ReReviewRequested.Response> responses, String reason, Instant requestedAt) {

    public ReReviewSubject {
        responses = responses == null ? List.of() : List.copyOf(responses);
    }
}
