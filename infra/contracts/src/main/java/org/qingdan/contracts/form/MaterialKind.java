package org.qingdan.contracts.form;

/** 辅助申报材料 (Annex 1 §8). */
public enum MaterialKind {
    PATENT_CERTIFICATE("专利证书"),
    CERTIFICATION_CERTIFICATE("认证证书"),
    EVALUATION_REPORT("评估报告"),
    AWARD_CERTIFICATE("获奖证书"),
    OTHER("其他材料");

    private final String label;

    MaterialKind(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
