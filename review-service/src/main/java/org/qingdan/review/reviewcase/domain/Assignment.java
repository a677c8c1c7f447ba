package org.qingdan.review.reviewcase.domain;

import java.time.Instant;

/** One expert assigned to one case; a declared conflict ends the assignment and the office reassigns. */
public record Assignment(
        String reviewerId,
        String reviewerName,
        String reviewerEmail,
        String reviewerOrgUscc,
        Instant assignedAt,
        Instant dueAt,
        String assignedBy,
        Status status,
        String conflictReason) {

    /** REMOVED: the office took the expert off the case before its review was submitted. */
    public enum Status { ACTIVE, CONFLICT_DECLARED, REMOVED }

    public boolean active() {
        return status == Status.ACTIVE;
    }

    Assignment removed(String reason) {
        return new Assignment(reviewerId, reviewerName, reviewerEmail, reviewerOrgUscc, assignedAt, dueAt, assignedBy,
                Status.REMOVED, reason);
    }

    Assignment conflict(String reason) {
        return new Assignment(reviewerId, reviewerName, reviewerEmail, reviewerOrgUscc, assignedAt, dueAt, assignedBy,
                Status.CONFLICT_DECLARED, reason);
    }
}
