package org.qingdan.review.reviewcase.domain;

/** A review case's lifecycle (DOMAIN.md §5), with labels for the UI. */
public enum CaseStatus {
    OPEN("待分配"),
    ASSIGNED("评审中"),
    READY_FOR_DECISION("待审核"),
    DECIDED("已审核"),
    CLOSED("已关闭");

    private final String label;

    CaseStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
