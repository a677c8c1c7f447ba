package org.qingdan.contracts.form;

/** 企业类型 (Annex 1 §4): a closed list. */
public enum EnterpriseType {
    STATE_OR_COLLECTIVE("全民、集体所有制企业"),
    SINO_FOREIGN_JOINT("中外合资、合作企业"),
    WHOLLY_FOREIGN_OWNED("外商独资企业"),
    PARTNERSHIP("合伙企业"),
    LIMITED_LIABILITY("有限责任公司"),
    JOINT_STOCK("有限股份公司"),
    SOLE_PROPRIETORSHIP("个人企业");

    private final String label;

    EnterpriseType(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
