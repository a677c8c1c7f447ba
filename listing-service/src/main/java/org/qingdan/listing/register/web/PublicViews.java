package org.qingdan.listing.register.web;

import java.time.Instant;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.listing.register.domain.ActingBody;
import org.qingdan.listing.register.domain.HistoryEntry;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;

/** What the public API shows; Chinese labels travel beside the stable codes. */
final class PublicViews {

    record Summary(String id, String productName, String enterpriseName, String enterpriseUscc, String productType,
                   String productTypeLabel, List<String> scenarios, List<String> scenarioLabels, List<String> keyTechnologies,
                   int callYear, String status, String statusLabel, Instant noticeEndsAt, Instant listedAt,
                   Instant delistedAt, boolean underReReview, String reReviewLabel, Instant reReviewOpenedAt, Instant lastConfirmedAt) {
    }

    /** Shown while the committee re-reviews a listed product (Art. 12); it stays on the list meanwhile. */
    static final String UNDER_RE_REVIEW = "复核中";

    record Detail(Summary summary, PublicProduct product, Delisting delisting, List<History> history) {
    }

    /** A step of the public history; {@code actedBy} is the body that acted (office, committee...), never a person. */
    record History(Instant at, String type, String summary, Long edition, String actedBy, String actedByLabel) {
        static History of(HistoryEntry h, org.qingdan.listing.register.domain.Delisting delisting) {
            ActingBody body = ActingBody.of(h, delisting);
            return new History(h.at(), h.type(), h.summary(), h.edition(), body.name(), body.label());
        }
    }

    record Delisting(String reason, String reasonLabel, String exclusionGround, String exclusionGroundLabel,
                     String explanation, Instant at) {
    }

    record Page<T>(List<T> items, int page, int size, long total) {
    }

    record Notice(Instant at, String type, String listingId, String productName, String enterpriseName, String summary,
                  Long edition) {
    }

    /** An edition in the list of editions: its change and hashes, not its entries. */
    record EditionSummary(long number, Instant createdAt, Object change, long entries, String digest, String previousHash,
                          String hash) {
    }

    static Summary summary(Listing l) {
        PublicProduct p = l.product();
        List<ApplicationScenario> scenarios = p.scenarios() == null ? List.of() : p.scenarios();
        return new Summary(l.id(), p.productName(), p.enterprise().name(), p.enterprise().uscc(),
                p.productType() == null ? null : p.productType().name(), p.productType() == null ? null : p.productType().label(),
                scenarios.stream().map(Enum::name).toList(), scenarios.stream().map(ApplicationScenario::label).toList(),
                p.keyTechnologies() == null ? List.of() : p.keyTechnologies(), p.callYear(), l.status().name(),
                l.status().label(), l.status() == ListingStatus.PUBLIC_NOTICE ? l.noticeEndsAt() : null, l.listedAt(),
                l.delisting() == null ? null : l.delisting().at(), l.reReview() != null,
                l.reReview() == null ? null : UNDER_RE_REVIEW, l.reReview() == null ? null : l.reReview().openedAt(), l.lastConfirmedAt());
    }

    static Detail detail(Listing l) {
        var d = l.delisting();
        return new Detail(summary(l), l.product(), d == null ? null : new Delisting(d.reason().name(), d.reason().label(),
                d.exclusionGround() == null ? null : d.exclusionGround().name(),
                d.exclusionGround() == null ? null : d.exclusionGround().label(), d.explanation(), d.at()),
                l.history().stream().map(h -> History.of(h, d)).toList());
    }

    private PublicViews() {
    }
}
