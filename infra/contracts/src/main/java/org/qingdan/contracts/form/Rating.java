package org.qingdan.contracts.form;

/** 自主评估和评审的五级评价 (Annex 1 §6), in ascending order: compare with {@link #compareTo}. */
public enum Rating {
    BASICALLY_QUALIFIED("基本合格"),
    QUALIFIED("合格"),
    GOOD("良好"),
    EXCELLENT("优秀"),
    OUTSTANDING("十分优秀");

    private final String label;

    Rating(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
