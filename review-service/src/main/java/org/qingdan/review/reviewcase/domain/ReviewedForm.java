package org.qingdan.review.reviewcase.domain;

import java.time.Instant;
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
 * The application form under review (申报表, Annex 1, ten sections), as the case keeps it. Review-service's own type for
 * what it stores, a copy of the contracts' {@code ApplicationFormSnapshot} on purpose (same sections, fields and stored
 * names); {@code FormAdapter} maps it from the application events and back wherever the contract goes out, so that a
 * new version of an event never means migrating stored review cases. The measures' vocabularies (enums) stay the
 * contracts'.
 */
public record ReviewedForm(
        /* 一、申报机构基本信息 */ ApplicantOrganisation applicant,
        /* 二、指定联系人 */ DesignatedContact contact,
        /* 三、其他参与机构, in order of share of the work, at most 5 */ List<Participant> participants,
        /* 四、金融科技企业基本信息 */ FintechEnterprise enterprise,
        /* 五、金融科技产品基本信息 */ Product product,
        /* 六、自主评估 */ SelfAssessment selfAssessment,
        /* 七、运行评估报告, issued by the scenario provider */ OperationalEvaluation operationalEvaluation,
        /* 八、辅助申报材料清单 */ List<SupportingMaterial> supportingMaterials,
        /* 认定条件 (Art. 4), at least one */ List<EligibilityClaim> eligibility,
        /* 九、申报单位意见 */ ApplicantOpinion opinion,
        /* 十、申报单位承诺书 */ Commitment commitment,
        /* metadata of every file attached to the form */ List<AttachmentRef> attachments,
        /* 填报日期: set by the system when this version was submitted (China time); null in forms of earlier releases */
        LocalDate filingDate) {

    /** 申报机构: the lead applicant (牵头申报单位). {@code financialLicenceNumber} is "无" for a non-financial lead. */
    public record ApplicantOrganisation(
            String name,
            String uscc,
            LeadKind leadKind,
            String registeredAddress,
            String officeAddress,
            String financialLicenceNumber) {
    }

    /** 指定联系人. */
    public record DesignatedContact(String name, String phone, String department, String title, String email) {
    }

    /** 其他参与机构: {@code rank} 1 does the largest share; {@code role} is 主要分工. */
    public record Participant(
            int rank,
            String name,
            String uscc,
            String role,
            boolean memberInstitution,
            boolean scenarioProvider) {
    }

    /** 金融科技企业基本信息. */
    public record FintechEnterprise(
            String name,
            String uscc,
            EnterpriseType enterpriseType,
            String mailingAddress,
            String postcode,
            String contactName,
            String department,
            String title,
            String email,
            String mobile) {
    }

    /** 金融科技产品基本信息. */
    public record Product(
            String name,
            String introduction,
            List<String> keyTechnologies,
            LocalDate goLiveDate,
            List<Honour> honours,
            ProductType productType,
            List<ApplicationScenario> scenarios,
            String otherScenarioDescription) {
    }

    /** 已获专利、认证和奖项: each also listed among the supporting materials ({@code supportingMaterialId}). */
    public record Honour(HonourKind kind, String name, LocalDate date, String issuer, String supportingMaterialId) {
    }

    /** 自主评估: four dimensions, yes/no questions and an overall rating each. */
    public record SelfAssessment(
            LegalCompliance legalCompliance,
            FinancialInnovation financialInnovation,
            RiskControl riskControl,
            AfterSalesService afterSalesService) {
    }

    /** 依法依规. */
    public record LegalCompliance(
            boolean scenarioProvidedByMember,
            boolean regulatoryExemptionOrAttention,
            boolean violatesLawsBeyondExemption,
            Rating rating) {
    }

    /** 金融创新. */
    public record FinancialInnovation(
            boolean empowersDigitalTransformation,
            boolean orientedToRealEconomy,
            boolean listedInXinchuangCatalogue,
            boolean thirdPartyAdaptationReport,
            Rating rating) {
    }

    /** 风险防控. */
    public record RiskControl(
            boolean risksIdentified,
            boolean majorLatentRisk,
            boolean preventionAndCompensation,
            Rating rating) {
    }

    /** 售后服务. */
    public record AfterSalesService(
            boolean effectiveComplaintMechanism,
            boolean afterSalesAgreementSigned,
            Rating rating) {
    }

    /** 运行评估报告, issued by the organisation that provides the main scenario (Art. 8). */
    public record OperationalEvaluation(
            String issuerName,
            String issuerUscc,
            String technicalSecurityAndInnovation,
            String businessCompliance,
            String riskControl,
            String painPointsSolved,
            String effectAchieved,
            String vendorServiceQuality,
            String reportAttachmentId) {
    }

    /** 辅助申报材料: one line of the list, with the attached file. */
    public record SupportingMaterial(String id, MaterialKind kind, String title, String attachmentId) {
    }

    /** One declared Art. 4 basis with its evidence. */
    public record EligibilityClaim(EligibilityBasis basis, String evidence, String attachmentId) {
    }

    /** 申报单位意见: decision, signatory (签字) and date. */
    public record ApplicantOpinion(OpinionDecision decision, String signatory, LocalDate date) {
    }

    /** 申报单位承诺书: the fixed text accepted, and the scan of the signed and sealed form. */
    public record Commitment(boolean accepted, String signedFormAttachmentId) {
    }

    /**
     * Metadata of a stored file; the content stays in application-service. {@code uploadedAt}: when the file was
     * uploaded; null in events of earlier releases.
     */
    public record AttachmentRef(String id, String fileName, String mediaType, long size, String sha256, Instant uploadedAt) {
    }
}
