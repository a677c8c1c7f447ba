package org.qingdan.contracts.form;

/** 申报单位意见 (Annex 1 §9). */
public enum OpinionDecision {
    AGREE("同意申报"),
    DISAGREE("不同意申报");

    private final String label;

    OpinionDecision(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
