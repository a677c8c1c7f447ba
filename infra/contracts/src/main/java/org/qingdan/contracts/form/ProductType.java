package org.qingdan.contracts.form;

/** 产品类型 (Annex 1 §5): exactly one per product. */
public enum ProductType {
    BUSINESS_INNOVATION("业务创新"),
    TECHNOLOGY_INNOVATION("技术创新"),
    FINANCIAL_SERVICE("金融服务"),
    TECH_ENABLEMENT("科技赋能");

    private final String label;

    ProductType(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
