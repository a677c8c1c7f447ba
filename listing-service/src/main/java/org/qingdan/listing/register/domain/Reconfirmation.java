package org.qingdan.listing.register.domain;

import java.time.Instant;

/**
 * The yearly re-confirmation (年度确认) of a listed product by its lead: when it was last confirmed, and for which
 * anniversary the office was told that it is overdue (so that it is told once per anniversary).
 */
public record Reconfirmation(Instant lastConfirmedAt, Instant overdueFlaggedFor) {

    /** How long before the anniversary the lead may confirm. */
    public static final int WINDOW_DAYS = 30;

    /** The anniversary a confirmation is due by: a year after the last confirmation, or after the listing. */
    public static Instant dueAfter(Instant from) {
        return org.qingdan.contracts.listing.Reconfirmed.anniversaryAfter(from);
    }
}
