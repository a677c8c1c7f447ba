package org.qingdan.contracts.form;

/** Who leads the application (Art. 7, 8): a member institution, or a fintech enterprise in a joint application. */
public enum LeadKind {
    MEMBER_INSTITUTION("会员单位"),
    FINTECH_ENTERPRISE("金融科技企业");

    private final String label;

    LeadKind(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
