package org.qingdan.contracts.form;

/** The four dimensions of the self-assessment and of the review (Annex 1 §6). */
public enum AssessmentDimension {
    LEGAL_COMPLIANCE("依法依规"),
    FINANCIAL_INNOVATION("金融创新"),
    RISK_CONTROL("风险防控"),
    AFTER_SALES_SERVICE("售后服务");

    private final String label;

    AssessmentDimension(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
