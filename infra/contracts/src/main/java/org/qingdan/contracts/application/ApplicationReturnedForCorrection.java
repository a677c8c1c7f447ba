package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact;

/**
 * The office's formal check returned the application for correction (退回补正), with per-field comments and the
 * deadline for the correction.
 */
public record ApplicationReturnedForCorrection(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String callId,
        int formVersion,
        String applicantUscc,
        String productName,
        DesignatedContact contact,
        List<FieldComment> comments,
        String returnedBy,
        /* 补正期限: without a corrected submission by then, the application is not accepted; null before it was set */
        Instant correctionDueAt) implements DomainEvent {

    public static final String TYPE = "application.returned-for-correction.v1";

    /** As published before the correction deadline was added. */
    public ApplicationReturnedForCorrection(UUID eventId, Instant occurredAt, String aggregateId, long aggregateVersion, String callId,
                                            int formVersion, String applicantUscc, String productName, DesignatedContact contact,
                                            List<FieldComment> comments, String returnedBy) {
        this(eventId, occurredAt, aggregateId, aggregateVersion, callId, formVersion, applicantUscc, productName, contact, comments,
                returnedBy, null);
    }

    /** A comment of the office on one field of the form, named by its path (e.g. {@code product.name}). */
    public record FieldComment(String field, String comment) {
    }
}
