package org.qingdan.listing.register.persistence;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.listing.Products;
import org.qingdan.listing.register.domain.Delisting;
import org.qingdan.listing.register.domain.DelistingReason;
import org.qingdan.listing.register.domain.ExclusionGround;
import org.qingdan.listing.register.domain.HistoryEntry;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingStatus;
import org.qingdan.listing.register.domain.PendingEdition;
import org.qingdan.listing.register.events.ProductAdapter;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Two listings as the release before the list's own types built them (every field of the product set);
 * {@code stored-before-own-types.json} holds them, and the edition of the first one's correction, as that release
 * stored them.
 */
final class StoredBefore {

    static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** Listed, its record corrected (the product before the correction kept until the edition is written). */
    static Listing corrected() {
        PublicProduct before = Products.fullProduct("old-corrected", "旧版产品一");
        PublicProduct after = new PublicProduct(before.applicationId(), before.callYear(), before.productName(), before.introduction(),
                before.productType(), before.scenarios(), before.otherScenarioDescription(), before.keyTechnologies(), before.goLiveDate(),
                new PublicProduct.Organisation("北京智信数科有限公司", before.enterprise().uscc(), before.enterprise().role()),
                before.leadApplicant(), before.participants(), before.honours());
        return new Listing("old-corrected", ProductAdapter.toDomain(after), ListingStatus.LISTED, T0, T0.plus(Duration.ofDays(7)), 7, T0.plus(Duration.ofDays(7)),
                null, List.of(), List.of(new HistoryEntry(T0, "PUBLIC_NOTICE_STARTED", "开始公示，公示期 7 天", 1L)), 3,
                new PendingEdition("RECORD_CORRECTED", "企业名称变更", T0.plus(Duration.ofDays(30)), ListingStatus.LISTED, null, ProductAdapter.toDomain(before),
                        EnterpriseChangeKind.NAME));
    }

    /** Delisted under Art. 12(3), naming its Art. 5 ground. */
    static Listing delisted() {
        return new Listing("old-delisted", ProductAdapter.toDomain(Products.fullProduct("old-delisted", "旧版产品二")), ListingStatus.DELISTED, T0,
                T0.plus(Duration.ofDays(7)), 7, T0.plus(Duration.ofDays(7)),
                new Delisting(DelistingReason.ART5_EXCLUSION, ExclusionGround.LEGAL_OR_REGULATORY_RISK, "存在违法违规风险", "证据",
                        T0.plus(Duration.ofDays(60)), "office", "rr-1"),
                List.of(), List.of(new HistoryEntry(T0, "PUBLIC_NOTICE_STARTED", "开始公示，公示期 7 天", 2L)), 4, null);
    }

    /** A database of its own on the wire server of the test JVM, mapped as MongoTemplate maps by default. */
    static MongoTemplate freshDatabase() {
        String database = "listing-" + UUID.randomUUID().toString().substring(0, 8);
        return new MongoTemplate(MongoClients.create(RealInfrastructure.mongo().uri(database)), database);
    }

    private StoredBefore() {
    }
}
