package org.qingdan.contracts.form;

/** 主要应用场景 (Annex 1 §5): the 27 scenarios; {@link #OTHER} needs a description. */
public enum ApplicationScenario {
    MOBILE_OFFICE("移动办公"),
    DOCUMENT_MANAGEMENT("公文管理"),
    UNIFIED_PORTAL("统一门户"),
    MEETING_SYSTEM("会议系统"),
    EDUCATION_TRAINING("教育培训"),
    INTELLIGENT_CUSTOMER_SERVICE("智能客服"),
    SMART_BRANCH("智慧网点"),
    SMART_MARKETING("智慧营销"),
    CUSTOMER_RELATIONSHIP("客户关系"),
    ROBO_ADVISORY("智能投顾"),
    RISK_MANAGEMENT("风险管理"),
    CREDIT_MANAGEMENT("信贷管理"),
    MOBILE_BANKING("手机银行"),
    ONLINE_BANKING("网络银行"),
    REPORT_MANAGEMENT("报表管理"),
    REGULATORY_REPORTING("监管报送"),
    ANTI_FRAUD_AML("反欺诈反洗钱"),
    INTERMEDIARY_BUSINESS("中间业务"),
    IDENTITY_VERIFICATION("身份识别"),
    DIGITAL_CONFIRMATION("数字函证"),
    INFORMATION_SECURITY("信息安全"),
    SECURITY_SURVEILLANCE("安防监控"),
    PAYMENT_CLEARING("支付清算"),
    CLOUD_PLATFORM("云平台"),
    OPERATIONS_MANAGEMENT("运维管理"),
    INFRASTRUCTURE("基础设施"),
    OTHER("其他");

    private final String label;

    ApplicationScenario(String label) {
        this.label = label;
    }

    /** The Chinese label of the measures, for the UI and templates. */
    public String label() {
        return label;
    }
}
