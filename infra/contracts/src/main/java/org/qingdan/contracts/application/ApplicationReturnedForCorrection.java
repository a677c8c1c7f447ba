package org.qingdan.contracts.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact;

/** The office's formal check returned the application for correction (退回补正), with per-field comments. */
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
        String returnedBy) implements DomainEvent {

    public static final String TYPE = "application.returned-for-correction.v1";

    /** A comment of the office on one field of the form, named by its path (e.g. {@code product.name}). */
    public record FieldComment(String field, String comment) {
    }
}
