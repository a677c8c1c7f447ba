package org.qingdan.listing.register.domain;

import java.time.Instant;

/**
 * Why and when a product left the list (Art. 12, or Art. 3 at its enterprise's request). {@code reReviewId}: the
 * re-review whose conclusion delisted it (the committee decided), or null.
 */
public record Delisting(DelistingReason reason, ExclusionGround exclusionGround, String explanation, String evidence,
                        Instant at, String by, String reReviewId) {

    public Delisting(DelistingReason reason, ExclusionGround exclusionGround, String explanation, String evidence, Instant at, String by) {
        this(reason, exclusionGround, explanation, evidence, at, by, null);
    }
}
