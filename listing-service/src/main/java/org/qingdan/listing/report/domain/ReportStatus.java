package org.qingdan.listing.report.domain;

/** Where a report on a listed product stands, with the labels users see. */
public enum ReportStatus {
    FILED("已收到，待办公室处理"),
    RESPONSE_REQUESTED("待企业说明"),
    RESPONDED("企业已说明"),
    DISMISSED("不予采纳"),
    RE_REVIEW("复核中"),
    KEPT("复核保留"),
    DELISTED("已移出清单");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The office has not decided on it yet: it may still ask, dismiss or open a re-review. */
    public boolean open() {
        return this == FILED || this == RESPONSE_REQUESTED || this == RESPONDED;
    }
}
