package org.qingdan.notification.productuse.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.listing.RecordCorrected;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.domain.Planned;

/**
 * What a member that runs a listed product (我行在用) is told of it (Art. 12): a re-review opened, its outcome, a
 * corrected public record, a delisting. Public facts all: a member learns nothing through this that the website does
 * not show, only sooner and addressed to it. A delisting {@link #endsUse() ends} the news: the mark stays as history.
 */
public record ProductUseNews(String listingId, String productName, String headline, String headlineEn, String detail, boolean endsUse) {

    public static final String TEMPLATE = "product-in-use";

    /** The event types that are news to the members that use a product; also what a member's webhook may receive. */
    public static final Set<String> TYPES = Set.of(ReReviewOpened.TYPE, ReReviewConcluded.TYPE, RecordCorrected.TYPE, ProductDelisted.TYPE);

    public static Optional<ProductUseNews> of(DomainEvent event) {
        if (event instanceof ReReviewOpened e) {
            return Optional.of(new ProductUseNews(e.aggregateId(), e.productName(), "启动复核", "re-review opened",
                    "复核期间产品仍在清单中，公开信息显示“复核中”。", false));
        }
        if (event instanceof ReReviewConcluded e) {
            boolean kept = e.outcome() == ReReviewConcluded.Outcome.KEPT;
            return Optional.of(new ProductUseNews(e.aggregateId(), e.productName(), kept ? "复核结论：复核保留" : "复核结论：移出清单",
                    kept ? "re-review concluded: kept on the list" : "re-review concluded: delisted", String.join("；", e.reasons()), false));
        }
        if (event instanceof RecordCorrected e) {
            return Optional.of(new ProductUseNews(e.aggregateId(), e.product().productName(), "公开信息更正", "public record corrected",
                    e.summary(), false));
        }
        if (event instanceof ProductDelisted e) {
            String detail = e.reason().label() + (e.exclusionGround() == null ? "" : "（" + e.exclusionGround().label() + "）")
                    + (e.explanation() == null || e.explanation().isBlank() ? "" : "：" + e.explanation());
            return Optional.of(new ProductUseNews(e.aggregateId(), e.product().productName(), "移出清单", "delisted", detail, true));
        }
        return Optional.empty();
    }

    /** To one member that marked the product: its organisation's inbox, and mail where an address is known. */
    public List<Planned> toMember(String orgUscc, String orgName, String contactEmail, String contactName) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("productName", productName);
        v.put("headline", headline);
        v.put("headlineEn", headlineEn);
        v.put("detail", detail);
        v.put("listingId", listingId);
        v.put("orgName", orgName);
        v.put("contactName", contactName == null ? orgName : contactName);
        List<Planned> plan = new ArrayList<>();
        if (contactEmail != null && !contactEmail.isBlank()) {
            plan.add(new Planned(Channel.EMAIL, Planned.mailto(contactEmail), contactName == null ? orgName : contactName, TEMPLATE, v));
        }
        plan.add(new Planned(Channel.INBOX, "org:" + orgUscc, orgName, TEMPLATE, v));
        return plan;
    }
}
