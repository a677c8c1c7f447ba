package org.qingdan.contracts.listing;

/** A major change of a listed product's enterprise or of the product (Art. 12 (二)), with the labels users see. */
public enum EnterpriseChangeKind {
    NAME("企业名称变更"),
    USCC("统一社会信用代码变更"),
    MERGER_OR_SPLIT("合并或分立"),
    CHANGE_OF_CONTROL("实际控制人变更"),
    BANKRUPTCY_OR_DEREGISTRATION("破产或注销"),
    PRODUCT_CHANGE("产品重大变化");

    private final String label;

    EnterpriseChangeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
