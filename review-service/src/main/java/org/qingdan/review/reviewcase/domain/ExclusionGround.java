package org.qingdan.review.reviewcase.domain;

/**
 * 不得纳入清单的情形 (Art. 5), as an expert finds it in a review and the committee names it when it delists on a
 * re-review (Art. 12(3)). Review-service's own type for what it stores, a copy of the contracts' on purpose;
 * {@code ReviewEventsAdapter} maps it to the contracts' {@code ExclusionGround} by name, so that a new version of an
 * event never means migrating stored review cases.
 */
public enum ExclusionGround {
    FRAUD("存在弄虚作假行为，可能影响产品认定结果"),
    MAJOR_INCIDENT_OR_VIOLATION("近三年存在重大安全、重大质量事故或严重违法行为"),
    UNRESOLVED_COMPLAINTS("产品投产运行期间受到使用单位投诉未能及时有效化解"),
    LEGAL_OR_REGULATORY_RISK("存在违法违规风险"),
    OTHER("其他可能影响认定结果的情形");

    private final String label;

    ExclusionGround(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
