package org.qingdan.application;

import java.time.LocalDate;
import java.util.List;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.ApplicationForm.*;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.EligibilityBasis;
import org.qingdan.contracts.form.EnterpriseType;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.MaterialKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Rating;

/** A complete, valid form of a bank-led joint application, and organisations with valid USCCs. */
public final class Forms {

    public static final String ORG_A = "91130100100003962C";
    public static final String ORG_A_NAME = "甲银行股份有限公司";
    public static final String ORG_B = "911301027356003226";
    public static final String VENDOR = "91110108551385082Q";
    public static final String VENDOR_NAME = "北京智信科技有限公司";
    public static final String PARTNER_BANK = "91130100401234561E";

    /** Attachment ids the form refers to: patent certificate, evaluation report, signed form. */
    public record Files(String patent, String report, String signedForm) {
    }

    public static ApplicationForm complete(Files files) {
        return new ApplicationForm(
                new Applicant(ORG_A_NAME, ORG_A, LeadKind.MEMBER_INSTITUTION, "石家庄市长安区中山东路1号", null, "B0209H213010001"),
                new Contact("张三", "0311-86001234", "信息科技部", "高级经理", "zhangsan@bank-a.example.cn"),
                List.of(new Participant(VENDOR_NAME, VENDOR, "产品研发、测试与运维", false, false)),
                new Enterprise(VENDOR_NAME, VENDOR, EnterpriseType.LIMITED_LIABILITY, "北京市海淀区中关村大街1号",
                        "100080", "李四", "市场部", "总监", "lisi@zhixin.example.cn", "13800138000"),
                new Product("信贷风险智能识别平台", "基于大数据与人工智能技术，对小微企业信贷申请进行风险识别与预警。",
                        List.of("大数据", "人工智能"), LocalDate.of(2024, 3, 1),
                        List.of(new Honour(HonourKind.PATENT, "一种信贷风险识别方法", LocalDate.of(2023, 6, 1), "国家知识产权局", "m1")),
                        ProductType.TECHNOLOGY_INNOVATION, List.of(ApplicationScenario.RISK_MANAGEMENT, ApplicationScenario.CREDIT_MANAGEMENT),
                        null),
                new SelfAssessment(
                        new LegalCompliance(true, false, false, Rating.GOOD),
                        new FinancialInnovation(true, true, false, true, Rating.EXCELLENT),
                        new RiskControl(true, false, true, Rating.GOOD),
                        new AfterSalesService(true, true, Rating.QUALIFIED)),
                new OperationalEvaluation(ORG_A_NAME, ORG_A, "系统通过等保三级测评", "符合监管要求", "风险可控",
                        "人工审批效率低", "审批时长缩短 50%", "响应及时", files.report()),
                List.of(new SupportingMaterial("m1", MaterialKind.PATENT_CERTIFICATE, "发明专利证书", files.patent()),
                        new SupportingMaterial("m2", MaterialKind.EVALUATION_REPORT, "运行评估报告", files.report())),
                List.of(new EligibilityClaim(EligibilityBasis.PRODUCTION_USE_RECOMMENDED, "已在本行正式投产运行两年，无重大故障", null)),
                new Opinion(OpinionDecision.AGREE, "王五", LocalDate.of(2026, 11, 20)),
                new Commitment(true, files.signedForm()));
    }

    public static Files files() {
        return new Files("f-patent", "f-report", "f-signed");
    }

    private Forms() {
    }
}
