package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.PublicProduct;

/** An approved product is publicised to all members (公示, Art. 11) until {@code noticeEndsAt}; objections are open. */
public record PublicNoticeStarted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        PublicProduct product,
        Instant noticeStartsAt,
        Instant noticeEndsAt,
        int noticeDays,
        long edition) implements DomainEvent {

    public static final String TYPE = "listing.public-notice-started.v1";
}
