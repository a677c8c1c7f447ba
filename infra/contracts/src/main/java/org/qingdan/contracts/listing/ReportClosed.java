package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;

/**
 * A report (情况反映) is closed, for the organisation that filed it: the office dismissed it with a reason
 * (DISMISSED), or the re-review it led to was concluded — the product kept (KEPT, 复核保留) or delisted (DELISTED),
 * with the committee's reasons. Not public: it names the reporting organisation, so it travels on
 * {@code listing.office.events} only. {@code aggregateId} is the report.
 */
public record ReportClosed(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String listingId,
        String productName,
        String reporterOrgUscc,
        String reporterOrgName,
        Outcome outcome,
        List<String> reasons,
        Instant closedAt) implements DomainEvent {

    public static final String TYPE = "listing.report-closed.v1";

    public enum Outcome {
        DISMISSED("不予采纳"), KEPT("复核保留"), DELISTED("移出清单");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
