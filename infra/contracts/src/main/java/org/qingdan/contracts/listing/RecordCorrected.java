package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.PublicProduct;

/**
 * Public: the office accepted a major change of a listed product's enterprise (Art. 12 (二)) and corrected the public
 * record: {@code product} is the product's public page as it is now, in the new {@code edition}; {@code change} and
 * {@code summary} say what changed. {@code aggregateId} is the listing.
 */
public record RecordCorrected(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        PublicProduct product,
        EnterpriseChangeKind change,
        String summary,
        Instant correctedAt,
        long edition) implements DomainEvent {

    public static final String TYPE = "listing.record-corrected.v1";
}
