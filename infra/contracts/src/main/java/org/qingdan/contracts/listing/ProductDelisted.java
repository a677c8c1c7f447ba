package org.qingdan.contracts.listing;

import java.time.Instant;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.PublicProduct;

/**
 * The product left the list (移出清单, Art. 12) or was withdrawn at the enterprise's request (Art. 3).
 * It stays in the public history. {@code exclusionGround} names the Art. 5 ground when the reason is
 * {@link DelistingReason#ART5_EXCLUSION}.
 */
public record ProductDelisted(
        UUID eventId,
        Instant occurredAt,
        String aggregateId,
        long aggregateVersion,
        PublicProduct product,
        DelistingReason reason,
        ExclusionGround exclusionGround,
        String explanation,
        Instant delistedAt,
        long edition) implements DomainEvent {

    public static final String TYPE = "listing.product-delisted.v1";

    /** The clauses of Art. 12, and voluntary withdrawal (Art. 3). */
    public enum DelistingReason {
        MAJOR_DEFECT("第十二条（一）出现重大缺陷，可能造成严重安全风险"),
        MAJOR_ENTERPRISE_CHANGE("第十二条（二）产品所属企业出现重大变故，对持续交付、售后服务等造成影响"),
        ART5_EXCLUSION("第十二条（三）出现第五条所列情形"),
        OTHER("第十二条（四）其他确有必要移出清单管理的情形"),
        VOLUNTARY_WITHDRAWAL("第三条 企业自愿申请退出");

        private final String label;

        DelistingReason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
