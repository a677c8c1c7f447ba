package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.PublicProduct;

/** Public notice ended without an upheld objection: the product is on the list, in edition {@code edition}. */
public record ProductListed(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        PublicProduct product,
        Instant listedAt,
        long edition) implements DomainEvent {

    public static final String TYPE = "listing.product-listed.v1";
}
