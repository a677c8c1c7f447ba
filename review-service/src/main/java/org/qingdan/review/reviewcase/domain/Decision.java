package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
import java.util.List;

/**
 * The committee's decision (审核) on a case: approved or not, with reasons. On a re-review, {@code approved} means
 * kept listed (复核保留); a delisting names its Art. 12 reason ({@code delistingReason}) and, for clause (三), the
 * Art. 5 ground.
 */
public record Decision(boolean approved, List<String> reasons, String decidedBy, Instant decidedAt, DelistingReason delistingReason,
                       ExclusionGround exclusionGround) {

    public Decision {
        reasons = List.copyOf(reasons);
    }

    public Decision(boolean approved, List<String> reasons, String decidedBy, Instant decidedAt) {
        this(approved, reasons, decidedBy, decidedAt, null, null);
    }
}
