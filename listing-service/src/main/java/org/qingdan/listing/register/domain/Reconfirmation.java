package org.qingdan.listing.register.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The yearly re-confirmation (年度确认) of a listed product by its lead: when it was last confirmed, for which
 * anniversary the office was told that it is overdue (so that it is told once per anniversary), and every
 * confirmation with what the lead declared — office-visible, never public. {@code selfAssessmentUpdatedAt}: the last
 * confirmation that updated the self-assessment. The last two are null in listings stored before they existed.
 */
public record Reconfirmation(Instant lastConfirmedAt, Instant overdueFlaggedFor, Instant selfAssessmentUpdatedAt,
                             List<Confirmation> confirmations) {

    /** How long before the anniversary the lead may confirm. */
    public static final int WINDOW_DAYS = 30;

    public Reconfirmation {
        confirmations = confirmations == null ? List.of() : List.copyOf(confirmations);
    }

    public Reconfirmation(Instant lastConfirmedAt, Instant overdueFlaggedFor) {
        this(lastConfirmedAt, overdueFlaggedFor, null, List.of());
    }

    /**
     * One re-confirmation as the lead made it. {@code selfAssessmentUpdate}: the ratings it declared when the
     * self-assessment was no longer accurate, else null. At most one a year: the history stays small.
     */
    public record Confirmation(Instant at, String by, boolean selfAssessmentAccurate, SelfAssessmentUpdate selfAssessmentUpdate, String note) {
    }

    /** The anniversary a confirmation is due by: a year after the last confirmation, or after the listing. */
    public static Instant dueAfter(Instant from) {
        return org.qingdan.contracts.listing.Reconfirmed.anniversaryAfter(from);
    }

    static Reconfirmation confirmed(Reconfirmation before, Confirmation c) {
        List<Confirmation> all = new ArrayList<>(before == null ? List.of() : before.confirmations());
        all.add(c);
        Instant updated = c.selfAssessmentUpdate() != null ? c.at() : before == null ? null : before.selfAssessmentUpdatedAt();
        return new Reconfirmation(c.at(), null, updated, all);
    }

    static Reconfirmation flagged(Reconfirmation before, Instant dueAt) {
        return before == null ? new Reconfirmation(null, dueAt)
                : new Reconfirmation(before.lastConfirmedAt(), dueAt, before.selfAssessmentUpdatedAt(), before.confirmations());
    }
}
