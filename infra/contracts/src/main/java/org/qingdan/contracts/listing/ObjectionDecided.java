package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.PublicProduct;

/**
 * The office decided an objection. {@link Outcome#UPHELD}: the product does not enter the list and its
 * public notice ends ({@code edition} is the edition without it); {@link Outcome#DISMISSED}: notice
 * goes on ({@code edition} is unchanged).
 */
public record ObjectionDecided(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String objectionId,
        Outcome outcome,
        String reason,
        PublicProduct product,
        long edition) implements DomainEvent {

    public static final String TYPE = "listing.objection-decided.v1";

    public enum Outcome {
        UPHELD("异议成立，不予纳入清单"),
        DISMISSED("异议不成立");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
