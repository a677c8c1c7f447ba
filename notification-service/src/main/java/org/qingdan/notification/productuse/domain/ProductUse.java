package org.qingdan.notification.productuse.domain;

import java.time.Instant;

/**
 * One member organisation's mark that it runs a listed product in production (我行在用), private to it. After a
 * delisting ({@code endedAt}) it stays readable to the member as history; no more news is sent for it.
 */
public record ProductUse(String orgUscc, String orgName, String listingId, String productName, Instant markedAt, String markedBy,
                         String contactName, String contactEmail, Instant endedAt) {

    public boolean ended() {
        return endedAt != null;
    }
}
