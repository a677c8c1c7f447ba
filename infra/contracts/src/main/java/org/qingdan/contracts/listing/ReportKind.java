package org.qingdan.contracts.listing;

/** What a member reports about a listed product (Art. 12 (一)(三), Art. 5), with the labels users see. */
public enum ReportKind {
    MAJOR_DEFECT("重大缺陷"),
    SECURITY_INCIDENT("安全事件"),
    VIOLATION_OF_LAW("违法违规"),
    CUSTOMER_COMPLAINT("客户投诉未能及时化解"),
    FALSE_MATERIALS("材料弄虚作假"),
    OTHER("其他");

    private final String label;

    ReportKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
