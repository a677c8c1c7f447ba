package org.qingdan.contracts.form;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the public page of a listed product shows. Listing events carry it whole, so that the
 * association website can build its pages from {@code listing.events} alone.
 */
public record PublicProduct(
        String applicationId,
        int callYear,
        String productName,
        String introduction,
        ProductType productType,
        List<ApplicationScenario> scenarios,
        String otherScenarioDescription,
        List<String> keyTechnologies,
        LocalDate goLiveDate,
        Organisation enterprise,
        Organisation leadApplicant,
        List<Organisation> participants,
        List<PublicHonour> honours) {

    /** An organisation by name and unified social credit code, with its role where it has one. */
    public record Organisation(String name, String uscc, String role) {
    }

    /** A patent, certification or award as shown to the public. */
    public record PublicHonour(HonourKind kind, String name, LocalDate date, String issuer) {
    }
}
