package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
import java.util.List;

/** The committee's decision (审核) on a case: approved or not, with reasons. */
public record Decision(boolean approved, List<String> reasons, String decidedBy, Instant decidedAt) {

    public Decision {
        reasons = List.copyOf(reasons);
    }
}
