package org.qingdan.application.intake.domain;

import java.time.LocalDate;
import java.util.List;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.EligibilityBasis;
import org.qingdan.contracts.form.EnterpriseType;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.MaterialKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Rating;

/**
 * 申报表 (Annex 1) as the applicant fills it. Every field may be empty while it is a draft; {@link FormRules}
 * decides at submission whether it is complete and correct. The closed lists (enterprise type, product
 * type, scenarios, ratings...) are the measures' own vocabulary, shared through the contracts module.
 */
public record ApplicationForm(
        Applicant applicant,
        Contact contact,
        List<Participant> participants,
        Enterprise enterprise,
        Product product,
        SelfAssessment selfAssessment,
        OperationalEvaluation operationalEvaluation,
        List<SupportingMaterial> supportingMaterials,
        List<EligibilityClaim> eligibility,
        Opinion opinion,
        Commitment commitment) {

    public ApplicationForm {
        participants = participants == null ? List.of() : List.copyOf(participants);
        supportingMaterials = supportingMaterials == null ? List.of() : List.copyOf(supportingMaterials);
        eligibility = eligibility == null ? List.of() : List.copyOf(eligibility);
    }

    public static ApplicationForm empty() {
        return new ApplicationForm(null, null, List.of(), null, null, null, null, List.of(), List.of(), null, null);
    }

    /** 一、申报机构基本信息. {@code financialLicenceNumber} is 无 when the lead is not a financial institution. */
    public record Applicant(String name, String uscc, LeadKind leadKind, String registeredAddress, String officeAddress,
                            String financialLicenceNumber) {
    }

    /** 二、指定联系人. */
    public record Contact(String name, String phone, String department, String title, String email) {
    }

    /** 三、其他参与机构: one row, in order of share of the work. */
    public record Participant(String name, String uscc, String role, Boolean memberInstitution, Boolean scenarioProvider) {
    }

    /** 四、金融科技企业基本信息. */
    public record Enterprise(String name, String uscc, EnterpriseType enterpriseType, String mailingAddress,
                             String postcode, String contactName, String department, String title, String email,
                             String mobile) {
    }

    /** 五、金融科技产品基本信息. */
    public record Product(String name, String introduction, List<String> keyTechnologies, LocalDate goLiveDate,
                          List<Honour> honours, ProductType productType, List<ApplicationScenario> scenarios,
                          String otherScenarioDescription) {
        public Product {
            keyTechnologies = keyTechnologies == null ? List.of() : List.copyOf(keyTechnologies);
            honours = honours == null ? List.of() : List.copyOf(honours);
            scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        }
    }

    /** 已获专利、认证和奖项: one entry, pointing at its line in the supporting materials. */
    public record Honour(HonourKind kind, String name, LocalDate date, String issuer, String supportingMaterialId) {
    }

    /** 六、自主评估. */
    public record SelfAssessment(LegalCompliance legalCompliance, FinancialInnovation financialInnovation,
                                 RiskControl riskControl, AfterSalesService afterSalesService) {
    }

    /** 依法依规. */
    public record LegalCompliance(Boolean scenarioProvidedByMember, Boolean regulatoryExemptionOrAttention,
                                  Boolean violatesLawsBeyondExemption, Rating rating) {
    }

    /** 金融创新. */
    public record FinancialInnovation(Boolean empowersDigitalTransformation, Boolean orientedToRealEconomy,
                                      Boolean listedInXinchuangCatalogue, Boolean thirdPartyAdaptationReport,
                                      Rating rating) {
    }

    /** 风险防控. */
    public record RiskControl(Boolean risksIdentified, Boolean majorLatentRisk, Boolean preventionAndCompensation,
                              Rating rating) {
    }

    /** 售后服务. */
    public record AfterSalesService(Boolean effectiveComplaintMechanism, Boolean afterSalesAgreementSigned, Rating rating) {
    }

    /** 七、运行评估报告, issued by the provider of the main scenario. */
    public record OperationalEvaluation(String issuerName, String issuerUscc, String technicalSecurityAndInnovation,
                                        String businessCompliance, String riskControl, String painPointsSolved,
                                        String effectAchieved, String vendorServiceQuality, String reportAttachmentId) {
    }

    /** 八、辅助申报材料清单: one line with its attached file. */
    public record SupportingMaterial(String id, MaterialKind kind, String title, String attachmentId) {
    }

    /** 认定条件 (Art. 4): one declared basis with its evidence. */
    public record EligibilityClaim(EligibilityBasis basis, String evidence, String attachmentId) {
    }

    /** 九、申报单位意见. */
    public record Opinion(OpinionDecision decision, String signatory, LocalDate date) {
    }

    /** 十、申报单位承诺书: the text accepted and the signed, sealed scan attached. */
    public record Commitment(Boolean accepted, String signedFormAttachmentId) {
    }
}
