package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * Public: the lead re-confirmed the listed product for the year (年度确认): still in production use, no unreported
 * major incident, the self-assessment still accurate. {@code nextDueAt} is the next anniversary. {@code aggregateId}
 * is the listing.
 */
public record Reconfirmed(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String productName,
        Instant confirmedAt,
        Instant nextDueAt) implements DomainEvent {

    public static final String TYPE = "listing.reconfirmed.v1";

    /**
     * The anniversary a yearly re-confirmation is due by: a year after the listing or the last confirmation, in China
     * time. listing-service flags it overdue after it; notification-service reminds 30, 7 and 0 days before it.
     */
    public static Instant anniversaryAfter(Instant from) {
        return from.atZone(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1).toInstant();
    }
}
