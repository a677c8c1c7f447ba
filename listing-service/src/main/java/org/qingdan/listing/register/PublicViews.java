package org.qingdan.listing.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.listing.register.domain.ActingBody;
import org.qingdan.listing.register.domain.HistoryEntry;
import org.qingdan.listing.register.domain.ListedProduct;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.events.ProductAdapter;

/**
 * What the public API shows, as the read side builds it; Chinese labels travel beside the stable codes. The
 * components' order is the order of the JSON's fields, which the association's website reads.
 */
public final class PublicViews {

    public record Summary(String id, String productName, String enterpriseName, String enterpriseUscc, String productType,
                   String productTypeLabel, List<String> scenarios, List<String> scenarioLabels, List<String> keyTechnologies,
                   int callYear, String status, String statusLabel, Instant noticeEndsAt, Instant listedAt,
                   Instant delistedAt, boolean underReReview, String reReviewLabel, Instant reReviewOpenedAt, Instant lastConfirmedAt) {
    }

    /** Shown while the committee re-reviews a listed product (Art. 12); it stays on the list meanwhile. */
    public static final String UNDER_RE_REVIEW = "复核中";

    public record Detail(Summary summary, PublicProduct product, Delisting delisting, List<History> history) {
    }

    /** A step of the public history; {@code actedBy} is the body that acted (office, committee...), never a person. */
    public record History(Instant at, String type, String summary, Long edition, String actedBy, String actedByLabel) {
        static History of(HistoryEntry h, org.qingdan.listing.register.domain.Delisting delisting) {
            ActingBody body = ActingBody.of(h, delisting);
            return new History(h.at(), h.type(), h.summary(), h.edition(), body.name(), body.label());
        }
    }

    public record Delisting(String reason, String reasonLabel, String exclusionGround, String exclusionGroundLabel,
                     String explanation, Instant at) {
    }

    public record Notice(Instant at, String type, String listingId, String productName, String enterpriseName, String summary,
                  Long edition) {
    }

    /** An edition in the list of editions: its change and hashes, not its entries. */
    public record EditionSummary(long number, Instant createdAt, Object change, long entries, String digest, String previousHash,
                          String hash) {
    }

    /** What changed between two editions: entries that came onto the list, went off it, or changed status on it. */
    public record Diff(long from, long to, List<DiffEntry> added, List<DiffEntry> removed, List<DiffEntry> statusChanged) {
    }

    /** An entry of a diff; {@code previousStatus} only for a status change (absent from the JSON otherwise). */
    public record DiffEntry(String listingId, String productName, String status,
                            @JsonInclude(JsonInclude.Include.NON_NULL) String previousStatus) {
    }

    /**
     * How far the hash chain was verified and whether it holds: {@code brokenAt} and {@code message} as the check
     * found them; {@code next} only when editions after {@code to} remain to check (absent from the JSON otherwise).
     */
    public record Verification(boolean valid, Long brokenAt, String message, long from, long to, long latest, boolean complete,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long next) {
    }

    /** Listed products of one scenario, product type ("" when none) and call year. */
    public record StatisticsRow(String scenario, String scenarioLabel, String productType, String productTypeLabel, int year,
                                int count) {
    }

    public static Summary summary(Listing l) {
        ListedProduct p = l.product();
        List<ApplicationScenario> scenarios = p.scenarios() == null ? List.of() : p.scenarios();
        return new Summary(l.id(), p.productName(), p.enterprise().name(), p.enterprise().uscc(),
                p.productType() == null ? null : p.productType().name(), p.productType() == null ? null : p.productType().label(),
                scenarios.stream().map(Enum::name).toList(), scenarios.stream().map(ApplicationScenario::label).toList(),
                p.keyTechnologies() == null ? List.of() : p.keyTechnologies(), p.callYear(), l.status().name(),
                l.status().label(), l.status() == ListingStatus.PUBLIC_NOTICE ? l.noticeEndsAt() : null, l.listedAt(),
                l.delisting() == null ? null : l.delisting().at(), l.reReview() != null,
                l.reReview() == null ? null : UNDER_RE_REVIEW, l.reReview() == null ? null : l.reReview().openedAt(), l.lastConfirmedAt());
    }

    public static Detail detail(Listing l) {
        var d = l.delisting();
        return new Detail(summary(l), ProductAdapter.toContract(l.product()), d == null ? null : new Delisting(d.reason().name(), d.reason().label(),
                d.exclusionGround() == null ? null : d.exclusionGround().name(),
                d.exclusionGround() == null ? null : d.exclusionGround().label(), d.explanation(), d.at()),
                l.history().stream().map(h -> History.of(h, d)).toList());
    }

    private PublicViews() {
    }
}
