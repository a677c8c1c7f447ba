package org.qingdan.review.reviewcase.domain;

/**
 * Why the committee delists a product at the end of a re-review: the four situations of Art. 12 (and the enterprise's
 * own request, Art. 3, which a committee never decides). Review-service's own type for what it stores (a re-review's
 * decision); {@code ReviewEventsAdapter} maps it to the contracts' {@code ProductDelisted.DelistingReason} by name, so
 * that a new version of an event never means migrating stored review cases.
 */
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
