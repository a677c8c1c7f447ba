package org.qingdan.contracts.form;

/** 认定条件 (Art. 4): at least one, each with its evidence. */
public enum EligibilityBasis {
    PRODUCTION_USE_RECOMMENDED("在金融机构正式落地运营并取得预期效果，获得省级（或总行级）信息科技管理部门认可和推荐"),
    REGULATORY_INNOVATION_PILOT("纳入金融行业监管部门金融科技创新监管试点应用"),
    NATIONAL_CERTIFICATION("获得人民银行金融科技产品认证或其他国家级相关技术认证"),
    OTHER("其他有必要纳入清单管理的");

    private final String label;

    EligibilityBasis(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
