package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.Rating;

/**
 * At its yearly re-confirmation the lead declared that the product's self-assessment (自主评估, Annex 1 §6) is no longer
 * accurate and gave the four ratings as they are now, with why. For the office only, never public: the application
 * stays the record of what was reviewed and decided, these ratings are the lead's declaration beside it.
 * {@code aggregateId} is the listing; {@code aggregateVersion} the listing's version after the re-confirmation.
 */
public record SelfAssessmentUpdated(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        String productName,
        String leadApplicantName,
        String leadApplicantUscc,
        Instant confirmedAt,
        Ratings ratings,
        String explanation) implements DomainEvent {

    public static final String TYPE = "listing.self-assessment-updated.v1";

    /** The four dimensions of the self-assessment, each rated 基本合格 < 合格 < 良好 < 优秀 < 十分优秀. */
    public record Ratings(Rating legalCompliance, Rating financialInnovation, Rating riskControl, Rating afterSalesService) {
    }
}
