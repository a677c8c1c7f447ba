package org.qingdan.listing.register.domain;

import java.time.LocalDate;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.ProductType;

/**
 * A product as the list shows it to the public: its page, the entries of the editions, the announcements. The list's
 * own type for what it stores, a copy of the contracts' {@code PublicProduct} on purpose (same fields, same stored
 * names); {@code ProductAdapter} maps it from ReviewCompleted and back wherever the contract goes out (events, the
 * public API), so that a new version of an event never means migrating stored listings. The measures' vocabularies
 * (enums) stay the contracts'.
 */
public record ListedProduct(
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
