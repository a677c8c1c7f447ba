package org.qingdan.listing.register.domain;

import java.time.Instant;

/** An objection (异议) a member lodged during public notice, and the office's decision on it. */
public record Objection(
        String id,
        String lodgedBy,
        String orgUscc,
        String orgName,
        String grounds,
        String evidence,
        Instant lodgedAt,
        Status status,
        String decidedBy,
        Instant decidedAt,
        String decisionReason) {

    public enum Status { OPEN, UPHELD, DISMISSED }

    Objection decide(boolean uphold, String by, String reason, Instant now) {
        return new Objection(id, lodgedBy, orgUscc, orgName, grounds, evidence, lodgedAt,
                uphold ? Status.UPHELD : Status.DISMISSED, by, now, reason);
    }
}
