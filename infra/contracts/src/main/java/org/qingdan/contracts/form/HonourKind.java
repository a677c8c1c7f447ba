package org.qingdan.contracts.form;

/** 已获专利、认证和奖项 (Annex 1 §5). */
public enum HonourKind {
    PATENT("专利"),
    CERTIFICATION("认证"),
    AWARD("奖项");

    private final String label;

    HonourKind(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
