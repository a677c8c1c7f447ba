package org.qingdan.contracts.samples;

import org.qingdan.contracts.DomainEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationReturnedForCorrection;
import org.qingdan.contracts.application.ApplicationSubmitted;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.ApplicationFormSnapshot.*;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.contracts.form.EligibilityBasis;
import org.qingdan.contracts.form.EnterpriseType;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.MaterialKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.form.Rating;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.listing.ObjectionLodged;
import org.qingdan.contracts.listing.ObjectionOutcome;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.contracts.listing.EnterpriseChangeReported;
import org.qingdan.contracts.listing.FileRef;
import org.qingdan.contracts.listing.RecordCorrected;
import org.qingdan.contracts.listing.ReconfirmationOverdue;
import org.qingdan.contracts.listing.SelfAssessmentUpdated;
import org.qingdan.contracts.listing.Reconfirmed;
import org.qingdan.contracts.listing.ReReviewConcluded;
import org.qingdan.contracts.listing.ReReviewOpened;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.contracts.listing.ReportClosed;
import org.qingdan.contracts.listing.ReportFiled;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.contracts.listing.ReportResponseRequested;
import org.qingdan.contracts.review.ReReviewCompleted;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.review.ReviewReadyForDecision;
import org.qingdan.contracts.review.ReviewSubmitted;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewerAssigned;
import org.qingdan.contracts.review.ReviewerRecused;
import org.qingdan.contracts.review.ReviewerUnassigned;
import org.qingdan.contracts.review.DiscussionPosted;

/**
 * One fully populated instance of every event (every list has an element, so nested records are
 * exercised), shared with the services' tests through the contracts test-jar.
 */
public final class ContractSamples {

    public static final String BANK_USCC = "91100000100003962T";
    public static final String VENDOR_USCC = "91110108551385082Q";
    public static final Instant NOW = Instant.parse("2026-11-28T08:00:00Z");
    public static final CallSummary CALL = new CallSummary("call-2026", "2026年度金融科技企业和产品清单征集", 2026, 7, 3);
    public static final DesignatedContact CONTACT =
            new DesignatedContact("张三", "0311-86001234", "信息科技部", "高级经理", "zhangsan@bank.example.cn");

    public static ApplicationFormSnapshot form() {
        return new ApplicationFormSnapshot(
                new ApplicantOrganisation("河北银行股份有限公司", BANK_USCC, LeadKind.MEMBER_INSTITUTION,
                        "石家庄市平安北大街28号", null, "B0209H213010001"),
                CONTACT,
                List.of(new Participant(1, "某某科技有限公司", VENDOR_USCC, "产品研发与运维", false, false)),
                new FintechEnterprise("某某科技有限公司", VENDOR_USCC, EnterpriseType.LIMITED_LIABILITY,
                        "北京市海淀区中关村大街1号", "100080", "李四", "市场部", "总监", "lisi@vendor.example.cn",
                        "13800138000"),
                new Product("智能风控平台", "基于大数据与人工智能的信贷风险识别平台。", List.of("大数据", "人工智能"),
                        LocalDate.parse("2024-03-01"),
                        List.of(new Honour(HonourKind.PATENT, "一种信贷风险识别方法", LocalDate.parse("2023-06-01"),
                                "国家知识产权局", "m1")),
                        ProductType.TECHNOLOGY_INNOVATION, List.of(ApplicationScenario.RISK_MANAGEMENT), null),
                new SelfAssessment(
                        new LegalCompliance(true, false, false, Rating.GOOD),
                        new FinancialInnovation(true, true, false, true, Rating.EXCELLENT),
                        new RiskControl(true, false, true, Rating.GOOD),
                        new AfterSalesService(true, true, Rating.QUALIFIED)),
                new OperationalEvaluation("河北银行股份有限公司", BANK_USCC, "安全可控", "合规", "风险可控", "审批效率低",
                        "审批时长缩短一半", "响应及时", "a2"),
                List.of(new SupportingMaterial("m1", MaterialKind.PATENT_CERTIFICATE, "专利证书", "a1")),
                List.of(new EligibilityClaim(EligibilityBasis.PRODUCTION_USE_RECOMMENDED, "已在本行投产两年", "a2")),
                new ApplicantOpinion(OpinionDecision.AGREE, "王五", LocalDate.parse("2026-11-20")),
                new Commitment(true, "a3"),
                List.of(new AttachmentRef("a1", "专利证书.pdf", "application/pdf", 102400,
                        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                        Instant.parse("2026-11-27T06:30:00Z"))),
                LocalDate.parse("2026-11-28"));
    }

    public static org.qingdan.contracts.application.CallOpened callOpened(String callId) {
        return new org.qingdan.contracts.application.CallOpened(UUID.randomUUID(), NOW, callId, 2,
                "2026年度金融科技企业和产品清单征集", 2026, NOW, NOW.plusSeconds(86400 * 30), 7, 3, "office-1");
    }

    public static PublicProduct product() {
        return new PublicProduct("app-1", 2026, "智能风控平台", "基于大数据与人工智能的信贷风险识别平台。",
                ProductType.TECHNOLOGY_INNOVATION, List.of(ApplicationScenario.RISK_MANAGEMENT), null,
                List.of("大数据"), LocalDate.parse("2024-03-01"),
                new PublicProduct.Organisation("某某科技有限公司", VENDOR_USCC, null),
                new PublicProduct.Organisation("河北银行股份有限公司", BANK_USCC, "牵头申报单位"),
                List.of(new PublicProduct.Organisation("某某科技有限公司", VENDOR_USCC, "产品研发与运维")),
                List.of(new PublicProduct.PublicHonour(HonourKind.PATENT, "一种信贷风险识别方法",
                        LocalDate.parse("2023-06-01"), "国家知识产权局")));
    }

    public static List<DomainEvent> all() {
        return List.of(
                new ApplicationSubmitted(UUID.randomUUID(), NOW, "app-1", 1, CALL, 1, "user-1", form(),
                        List.of("RISK_CONTROL_MAJOR_LATENT_RISK")),
                new ApplicationResubmitted(UUID.randomUUID(), NOW, "app-1", 3, CALL, 2, 1, "user-1", form(), List.of()),
                new ApplicationWithdrawn(UUID.randomUUID(), NOW, "app-1", 4, "call-2026", BANK_USCC, "智能风控平台",
                        CONTACT, "产品升级，下次再报", "user-1"),
                new ApplicationReturnedForCorrection(UUID.randomUUID(), NOW, "app-1", 2, "call-2026", 1, BANK_USCC,
                        "智能风控平台", CONTACT,
                        List.of(new ApplicationReturnedForCorrection.FieldComment("product.name", "名称含品牌信息")),
                        "office-1", NOW.plusSeconds(86400 * 15)),
                new ApplicationAccepted(UUID.randomUUID(), NOW, "app-1", 4, CALL, 2, form(), List.of(), "office-1"),
                new org.qingdan.contracts.application.ApplicationNotAccepted(UUID.randomUUID(), NOW, "app-1", 5, "call-2026", 1,
                        BANK_USCC, "智能风控平台", CONTACT, "逾期未补正：补正期限已过", true, "system"),
                callOpened("call-2026"),
                new org.qingdan.contracts.application.ParticipantNamed(UUID.randomUUID(), NOW, "app-1", 1, "call-2026", BANK_USCC,
                        "河北银行股份有限公司", "智能风控平台", VENDOR_USCC, "某某科技有限公司", "产品研发与运维",
                        "contact@vendor.example.cn", "user-1"),
                new org.qingdan.contracts.application.CallClosed(UUID.randomUUID(), NOW, "call-2026", 3,
                        "2026年度金融科技企业和产品清单征集", 2026, NOW.plusSeconds(86400 * 30), NOW.plusSeconds(86400 * 30), "office-1"),
                new ReviewerAssigned(UUID.randomUUID(), NOW, "case-1", 2, "app-1", "智能风控平台", "reviewer-1", "赵六",
                        "zhaoliu@expert.example.cn", VENDOR_USCC, NOW.plusSeconds(86400 * 14), "office-1"),
                new ReviewCompleted(UUID.randomUUID(), NOW, "case-1", 9, "app-1", CALL, ReviewCompleted.Decision.APPROVED,
                        List.of("三位专家均推荐"), 3,
                        List.of(new ReviewCompleted.DimensionScore(AssessmentDimension.LEGAL_COMPLIANCE,
                                Map.of(Rating.GOOD, 2, Rating.EXCELLENT, 1), Rating.GOOD, Rating.GOOD, false)),
                        product(), BANK_USCC, CONTACT, "committee-1"),
                new ReviewReadyForDecision(UUID.randomUUID(), NOW, "case-1", 8, "app-1", "智能风控平台", 3, true),
                new ReviewSubmitted(UUID.randomUUID(), NOW, "case-1", 7, "app-1", "智能风控平台", "reviewer-1", NOW),
                new ReviewCaseClosed(UUID.randomUUID(), NOW, "case-1", 8, "app-1", "智能风控平台", "申报单位撤回：产品线调整"),
                new ReviewerRecused(UUID.randomUUID(), NOW, "case-1", 3, "app-1", "智能风控平台", "reviewer-2", "钱七"),
                new ReviewerUnassigned(UUID.randomUUID(), NOW, "case-1", 4, "app-1", "智能风控平台", "reviewer-3", "孙八",
                        "sunba@expert.example.cn", "office"),
                discussionPosted("app-1"),
                new PublicNoticeStarted(UUID.randomUUID(), NOW, "listing-1", 1, product(), NOW,
                        NOW.plusSeconds(86400 * 7), 7, 12),
                new ProductListed(UUID.randomUUID(), NOW, "listing-1", 2, product(), NOW, 13),
                new ProductDelisted(UUID.randomUUID(), NOW, "listing-1", 3, product(),
                        ProductDelisted.DelistingReason.ART5_EXCLUSION, ExclusionGround.UNRESOLVED_COMPLAINTS,
                        "使用单位投诉未能及时化解", NOW, 14),
                new ObjectionLodged(UUID.randomUUID(), NOW, "listing-1", 2, "objection-1", "智能风控平台", NOW),
                new ObjectionDecided(UUID.randomUUID(), NOW, "listing-1", 3, "objection-1", ObjectionDecided.Outcome.DISMISSED,
                        "异议所述情况已核实不存在", product(), 12),
                new ObjectionOutcome(UUID.randomUUID(), NOW, "listing-1", 3, "objection-1", "applicant-b", "911301027356003226",
                        "乙银行股份有限公司", ObjectionDecided.Outcome.DISMISSED, "异议所述情况已核实不存在", "智能风控平台"),
                new ReportClosed(UUID.randomUUID(), NOW, "report-2", 3, "listing-1", "智能风控平台", BANK_USCC, "河北银行股份有限公司",
                        ReportClosed.Outcome.DISMISSED, List.of("所反映情况经核实已整改完毕"), NOW),
                new ReportFiled(UUID.randomUUID(), NOW, "report-1", 0, "listing-1", "智能风控平台",
                        List.of(ReportKind.MAJOR_DEFECT, ReportKind.SECURITY_INCIDENT), LocalDate.parse("2026-10-01"), NOW,
                        "91110000100003962T", null),
                new ReportResponseRequested(UUID.randomUUID(), NOW, "report-1", 1, "listing-1", "智能风控平台",
                        "请说明十月一日故障的原因与整改情况", NOW, "91110000100003962T", "911301027356003226"),
                new ReReviewRequested(UUID.randomUUID(), NOW, "listing-1", 5, "rereview-1", product(),
                        new ReReviewRequested.Report("report-1", List.of(ReportKind.MAJOR_DEFECT), "核心模块宕机两日", LocalDate.parse("2026-10-01"),
                                NOW, List.of(FILE)),
                        List.of(new ReReviewRequested.Response("北京智信科技有限公司", "91110000100003962T", "已修复并上线补丁", List.of(FILE), NOW)),
                        "反映情况属实，需专家复核", NOW, "office-1"),
                new ReReviewOpened(UUID.randomUUID(), NOW, "listing-1", 5, "rereview-1", "智能风控平台", NOW),
                new ReReviewConcluded(UUID.randomUUID(), NOW, "listing-1", 6, "rereview-1", "智能风控平台", ReReviewConcluded.Outcome.KEPT,
                        List.of("缺陷已整改，风险可控"), NOW),
                new ReReviewCompleted(UUID.randomUUID(), NOW, "rereview-1", 9, "listing-1", "rereview-1", "智能风控平台",
                        ReReviewCompleted.Outcome.DELIST, ProductDelisted.DelistingReason.ART5_EXCLUSION, ExclusionGround.UNRESOLVED_COMPLAINTS,
                        List.of("投诉未能及时化解"), "committee-1", NOW),
                new EnterpriseChangeReported(UUID.randomUUID(), NOW, "change-1", 0, "listing-1", "智能风控平台", EnterpriseChangeKind.NAME,
                        "经市场监督管理部门核准，企业名称变更", LocalDate.parse("2026-11-01"), "某某科技有限公司", NOW),
                new RecordCorrected(UUID.randomUUID(), NOW, "listing-1", 7, product(), EnterpriseChangeKind.NAME,
                        "企业名称变更：某某科技有限公司 → 某某数字科技有限公司", NOW, 15),
                new Reconfirmed(UUID.randomUUID(), NOW, "listing-1", 8, "智能风控平台", NOW, NOW.plusSeconds(365L * 86400)),
                new ReconfirmationOverdue(UUID.randomUUID(), NOW, "listing-1", 9, "智能风控平台", "河北银行股份有限公司", NOW),
                new SelfAssessmentUpdated(UUID.randomUUID(), NOW, "listing-1", 10, "智能风控平台", "河北银行股份有限公司", BANK_USCC, NOW,
                        new SelfAssessmentUpdated.Ratings(Rating.EXCELLENT, Rating.GOOD, Rating.QUALIFIED, Rating.GOOD),
                        "新增外包运维后，风险防控评价由优秀调为合格"));
    }

    /** The office opened a re-review of the sample product (listing {@code listingId}) on a report. */
    public static ReReviewRequested reReviewRequested(String listingId, String reReviewId) {
        return new ReReviewRequested(UUID.randomUUID(), NOW, listingId, 5, reReviewId, product(),
                new ReReviewRequested.Report("report-" + reReviewId, List.of(ReportKind.MAJOR_DEFECT, ReportKind.CUSTOMER_COMPLAINT),
                        "我行生产环境核心模块宕机两日，厂商未及时响应", LocalDate.parse("2026-10-01"), NOW, List.of(FILE)),
                List.of(new ReReviewRequested.Response("某某科技有限公司", VENDOR_USCC, "故障系第三方数据库缺陷所致，已修复", List.of(FILE), NOW)),
                "反映情况属实，需专家复核", NOW, "office-1");
    }

    public static final FileRef FILE = new FileRef("file-1", "故障说明.pdf", "application/pdf", 2048,
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", NOW);

    public static ApplicationAccepted accepted(String applicationId) {
        return new ApplicationAccepted(UUID.randomUUID(), NOW, applicationId, 4, CALL, 1, form(), List.of(), "office");
    }

    public static ApplicationWithdrawn withdrawn(String applicationId) {
        return new ApplicationWithdrawn(UUID.randomUUID(), NOW, applicationId, 5, CALL.callId(), BANK_USCC, "智能风控平台",
                CONTACT, "产品升级，下次再报", "applicant-a");
    }

    public static ReviewerAssigned reviewerAssigned(String applicationId, String reviewerId) {
        return new ReviewerAssigned(UUID.randomUUID(), NOW, "case-" + applicationId, 2, applicationId, "智能风控平台", reviewerId,
                "评审专家", reviewerId + "@expert.example.cn", "911301006789123452", NOW.plusSeconds(86400 * 14), "office");
    }

    public static ReviewSubmitted reviewSubmitted(String applicationId, String reviewerId) {
        return new ReviewSubmitted(UUID.randomUUID(), NOW, "case-" + applicationId, 5, applicationId, "智能风控平台", reviewerId, NOW);
    }

    public static ReviewerRecused reviewerRecused(String applicationId, String reviewerId) {
        return new ReviewerRecused(UUID.randomUUID(), NOW, "case-" + applicationId, 3, applicationId, "智能风控平台", reviewerId, "评审专家");
    }

    public static DiscussionPosted discussionPosted(String applicationId) {
        return new DiscussionPosted(UUID.randomUUID(), NOW, "post-" + UUID.randomUUID(), 0, applicationId, "智能风控平台", "EXPERT", "专家一",
                NOW, List.of(new DiscussionPosted.Reader("reviewer-2", "钱七", "qianqi@expert.example.cn")));
    }

    public static ReviewerUnassigned reviewerUnassigned(String applicationId, String reviewerId) {
        return new ReviewerUnassigned(UUID.randomUUID(), NOW, "case-" + applicationId, 4, applicationId, "智能风控平台", reviewerId,
                "评审专家", reviewerId + "@expert.example.cn", "office");
    }

    public static ReviewCompleted completed(String applicationId, ReviewCompleted.Decision decision) {
        return new ReviewCompleted(UUID.randomUUID(), NOW, "case-" + applicationId, 9, applicationId, CALL, decision,
                List.of("专家一致推荐"), 3, List.of(), product(), BANK_USCC, CONTACT, "committee");
    }

    private ContractSamples() {
    }
}
