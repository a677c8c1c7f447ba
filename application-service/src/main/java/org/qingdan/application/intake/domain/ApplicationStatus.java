package org.qingdan.application.intake.domain;

/** The application's lifecycle (DOMAIN.md §5), with the labels applicants see. */
public enum ApplicationStatus {
    DRAFT("草稿"),
    SUBMITTED("已提交"),
    RETURNED("退回补正"),
    ACCEPTED("已受理"),
    APPROVED("审核通过"),
    REJECTED("审核未通过"),
    /** Withdrawn after acceptance: review-service closes the case, unless the committee decided first. */
    WITHDRAWAL_REQUESTED("撤回待确认"),
    /** Refused at the formal check, or the correction deadline passed (不予受理): final. */
    NOT_ACCEPTED("不予受理"),
    WITHDRAWN("已撤回");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Before the committee's decision, the applicant may still withdraw. */
    public boolean beforeDecision() {
        return this == DRAFT || this == SUBMITTED || this == RETURNED || this == ACCEPTED;
    }
}
