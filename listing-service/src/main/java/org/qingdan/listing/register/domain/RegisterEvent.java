package org.qingdan.listing.register.domain;

/** What happened on the list, as the domain says it; the events adapter turns these into the public contract. */
public sealed interface RegisterEvent {

    Listing listing();

    record NoticeStarted(Listing listing, Edition edition) implements RegisterEvent {
    }

    record Listed(Listing listing, Edition edition) implements RegisterEvent {
    }

    record Delisted(Listing listing, Edition edition) implements RegisterEvent {
    }

    record ObjectionLodged(Listing listing, Objection objection) implements RegisterEvent {
    }

    /** {@code edition}: the new edition when the objection was upheld, else the current one. */
    record ObjectionDecided(Listing listing, Objection objection, long edition) implements RegisterEvent {
    }

    /** A re-review opened: public (复核中) and, with the brief, for review-service. */
    record ReReviewOpened(Listing listing, ReReview reReview, ReReview.Brief brief) implements RegisterEvent {
    }

    /** The committee kept the product ({@code kept}) or delisted it (its edition and ProductDelisted follow). */
    record ReReviewConcluded(Listing listing, String reReviewId, boolean kept, java.util.List<String> reasons) implements RegisterEvent {
    }

    /** The office corrected the public record on a major change of the enterprise, in {@code edition}. */
    record RecordCorrected(Listing listing, Edition edition, org.qingdan.contracts.listing.EnterpriseChangeKind change, String summary)
            implements RegisterEvent {
    }

    /** The lead re-confirmed the listed product for the year; {@code selfAssessmentUpdate}, if it declared one (office only). */
    record Reconfirmed(Listing listing, SelfAssessmentUpdate selfAssessmentUpdate) implements RegisterEvent {
    }

    /** The re-confirmation due by {@code dueAt} is overdue: the office is told. */
    record ReconfirmationOverdue(Listing listing, java.time.Instant dueAt) implements RegisterEvent {
    }
}
