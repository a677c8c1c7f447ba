package org.qingdan.application.publication.domain;

import java.time.Instant;

/**
 * What listing-service made public of an application's product (公示, 清单, 复核, 移出; Art. 11, 12), as application-service
 * keeps it for the applicant's timeline: its own copy, keyed by the application id (listing-service's listing id), learned
 * from {@code listing.events} and never asked for. Each fact comes with its own event and its own time, so a fact heard
 * twice is the same fact; the document has a fixed set of fields and never grows.
 */
public record Publication(
        String applicationId,
        Instant noticeStartsAt,
        Instant noticeEndsAt,
        Instant objectionUpheldAt,
        String objectionReason,
        Instant listedAt,
        Long listedEdition,
        Instant reReviewOpenedAt,
        Instant reReviewConcludedAt,
        Boolean reReviewKept,
        Instant delistedAt,
        String delistingReason,
        Long delistedEdition) {

    /** Where the product stands in public. */
    public enum Stage {
        /** 公示中: members may object until the notice ends. */
        ON_NOTICE,
        /** An objection was upheld during the notice: the product does not enter the list. */
        NOT_LISTED,
        /** 已入选清单. */
        LISTED,
        /** Listed, and under re-review (复核中); it stays on the list until the committee decides. */
        UNDER_RE_REVIEW,
        /** 已移出清单 (Art. 12, or withdrawn at the enterprise's request, Art. 3). */
        DELISTED
    }

    /** The stage the facts heard so far add up to; null before any. */
    public Stage stage() {
        if (delistedAt != null) {
            return Stage.DELISTED;
        }
        if (listedAt != null) {
            return underReReview() ? Stage.UNDER_RE_REVIEW : Stage.LISTED;
        }
        if (objectionUpheldAt != null) {
            return Stage.NOT_LISTED;
        }
        return noticeStartsAt != null ? Stage.ON_NOTICE : null;
    }

    /** A re-review opened after the last one concluded. */
    public boolean underReReview() {
        return reReviewOpenedAt != null && (reReviewConcludedAt == null || reReviewConcludedAt.isBefore(reReviewOpenedAt));
    }
}
