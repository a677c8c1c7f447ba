package org.qingdan.application.intake.domain;

import static org.qingdan.application.intake.domain.FormRule.inadmissible;
import static org.qingdan.application.intake.domain.FormRule.refusal;
import static org.qingdan.application.intake.domain.FormRule.riskFlag;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.qingdan.application.intake.domain.ApplicationForm.*;
import org.qingdan.application.intake.domain.FormRule.Subject;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Uscc;

/**
 * The requirements of the measures and their annexes on a submitted form, one named {@link FormRule} each, composed in
 * {@link #ALL} and checked all at once so that the applicant sees every violation in one answer. They run in the form's
 * order, so the violations come in that order too; a rule stays silent on a missing section, which its section's rule
 * reports.
 */
public final class FormRules {

    public static final int MAX_PARTICIPANTS = 5;
    public static final int MAX_PRODUCT_NAME = 20;
    public static final int MAX_INTRODUCTION = 500;
    /*
     * Every list of the form is bounded (texts are, field by field): the submitted form travels whole in
     * application.submitted.v1, and an unbounded list could make that event larger than the broker accepts.
     * With these bounds the largest form stays far below 1 MB.
     */
    public static final int MAX_KEY_TECHNOLOGIES = 10;
    public static final int MAX_HONOURS = 30;
    public static final int MAX_SUPPORTING_MATERIALS = 50;
    public static final int MAX_ELIGIBILITY_CLAIMS = 10;
    public static final String NO_LICENCE = "无";

    private static final Pattern POSTCODE = Pattern.compile("\\d{6}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    /** Landline with area code, optional extension, e.g. 0311-86001234 or 010-12345678-123. */
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?");
    /** 金融许可证号: an institution-type letter followed by 10-20 digits and capitals, e.g. B0209H213010001. */
    private static final Pattern LICENCE = Pattern.compile("[A-Z][0-9A-Z]{10,20}");

    // 一、申报机构基本信息

    public static final FormRule APPLICANT = refusal("APPLICANT", "Annex 2 §3(1)1–3",
            "section 1: the name, USCC and registered address as on the business licence, the office address when different, the kind of lead",
            (s, found) -> {
                Applicant a = s.form().applicant();
                if (found.present("applicant", a)) {
                    found.text("applicant.name", a.name(), 100);
                    found.uscc("applicant.uscc", a.uscc());
                    found.present("applicant.leadKind", a.leadKind());
                    found.text("applicant.registeredAddress", a.registeredAddress(), 200);
                    found.optionalText("applicant.officeAddress", a.officeAddress(), 200);
                }
            });

    public static final FormRule FINANCIAL_LICENCE = refusal("FINANCIAL_LICENCE", "Annex 2 §3(1)4",
            "a member institution gives its financial licence number, a lead that is no financial institution writes 无",
            on(ApplicationForm::applicant, (s, a, found) -> {
                String licence = a.financialLicenceNumber();
                if (found.text("applicant.financialLicenceNumber", licence, 30) && a.leadKind() != null) {
                    if (a.leadKind() == LeadKind.FINTECH_ENTERPRISE && !NO_LICENCE.equals(licence.trim())) {
                        found.add("applicant.financialLicenceNumber", "financial-licence-none", "牵头单位不是金融机构时，金融许可证号应填写“无”");
                    } else if (a.leadKind() == LeadKind.MEMBER_INSTITUTION && !LICENCE.matcher(licence.trim()).matches()) {
                        found.add("applicant.financialLicenceNumber", "financial-licence-format", "请填写金融许可证上的机构编码，如 B0209H213010001");
                    }
                }
            }));

    public static final FormRule APPLICANT_IS_OWN_ORGANISATION = refusal("APPLICANT_IS_OWN_ORGANISATION", "Art. 7",
            "the applicant the form names is the signed-in user's organisation, as its token says",
            on(ApplicationForm::applicant, (s, a, found) -> {
                if (a.uscc() != null && !a.uscc().equals(s.ownerUscc())) {
                    found.add("applicant.uscc", "applicant-is-own-organisation", "申报机构应为您所在的机构（" + s.ownerUscc() + "）");
                }
            }));

    // 二、申报机构指定联系人信息

    public static final FormRule CONTACT = refusal("CONTACT", "Annex 2 §3(2)",
            "section 2: the designated contact's name, department and title, a mobile or landline number with area code, an e-mail address",
            (s, found) -> {
                Contact contact = s.form().contact();
                if (found.present("contact", contact)) {
                    found.text("contact.name", contact.name(), 50);
                    if (found.text("contact.phone", contact.phone(), 30) && !isPhone(contact.phone())) {
                        found.add("contact.phone", "phone", "请填写手机号或带区号的座机号，如 0311-86001234");
                    }
                    found.text("contact.department", contact.department(), 50);
                    found.text("contact.title", contact.title(), 50);
                    found.email("contact.email", contact.email());
                }
            });

    // 三、其他参与机构信息清单

    public static final FormRule AT_MOST_FIVE_PARTICIPANTS = refusal("AT_MOST_FIVE_PARTICIPANTS", "Annex 1 §3",
            "at most five other participating organisations (the form's five rows)",
            (s, found) -> {
                if (s.form().participants().size() > MAX_PARTICIPANTS) {
                    found.add("participants", "max-participants", "其他参与机构最多 " + MAX_PARTICIPANTS + " 家");
                }
            });

    public static final FormRule PARTICIPANTS = refusal("PARTICIPANTS", "Annex 2 §1, §3(3)",
            "each participant with its name, USCC and role (主要分工: every participant does real work), whether it is a member institution and provides the scenario; no organisation twice",
            (s, found) -> {
                ApplicationForm form = s.form();
                Set<String> seen = new HashSet<>();
                if (form.applicant() != null && form.applicant().uscc() != null) {
                    seen.add(form.applicant().uscc());
                }
                List<Participant> rows = form.participants();
                for (int i = 0; i < rows.size(); i++) {
                    String at = "participants[" + i + "]";
                    Participant p = rows.get(i);
                    if (!found.present(at, p)) {
                        continue;
                    }
                    found.text(at + ".name", p.name(), 100);
                    if (found.uscc(at + ".uscc", p.uscc()) && !seen.add(p.uscc())) {
                        found.add(at + ".uscc", "duplicate-organisation", "同一机构不能重复填写");
                    }
                    found.text(at + ".role", p.role(), 100);
                    found.present(at + ".memberInstitution", p.memberInstitution());
                    found.present(at + ".scenarioProvider", p.scenarioProvider());
                }
            });

    // 四、金融科技企业基本信息

    public static final FormRule ENTERPRISE = refusal("ENTERPRISE", "Annex 2 §3(4)",
            "section 4: the product's supplier with name, USCC, enterprise type, mailing address, a six-digit postcode, a contact with department, title, e-mail and an 11-digit mobile",
            (s, found) -> {
                Enterprise e = s.form().enterprise();
                if (found.present("enterprise", e)) {
                    found.text("enterprise.name", e.name(), 100);
                    found.uscc("enterprise.uscc", e.uscc());
                    found.present("enterprise.enterpriseType", e.enterpriseType());
                    found.text("enterprise.mailingAddress", e.mailingAddress(), 200);
                    if (found.text("enterprise.postcode", e.postcode(), 6) && !POSTCODE.matcher(e.postcode()).matches()) {
                        found.add("enterprise.postcode", "postcode", "邮政编码应为 6 位数字");
                    }
                    found.text("enterprise.contactName", e.contactName(), 50);
                    found.text("enterprise.department", e.department(), 50);
                    found.text("enterprise.title", e.title(), 50);
                    found.email("enterprise.email", e.email());
                    if (found.text("enterprise.mobile", e.mobile(), 11) && !MOBILE.matcher(e.mobile()).matches()) {
                        found.add("enterprise.mobile", "mobile", "请填写 11 位手机号");
                    }
                }
            });

    // 八、辅助申报材料清单 (checked before the product, whose honours refer to it)

    public static final FormRule SUPPORTING_MATERIALS = refusal("SUPPORTING_MATERIALS", "Art. 10, Annex 2 §3(8)",
            "each supporting material with its own number, kind, title and an uploaded file; at most " + MAX_SUPPORTING_MATERIALS,
            (s, found) -> {
                List<SupportingMaterial> rows = s.form().supportingMaterials();
                if (!found.maxItems("supportingMaterials", rows, MAX_SUPPORTING_MATERIALS)) {
                    return;
                }
                Set<String> ids = new HashSet<>();
                for (int i = 0; i < rows.size(); i++) {
                    String at = "supportingMaterials[" + i + "]";
                    SupportingMaterial m = rows.get(i);
                    if (!found.present(at, m)) {
                        continue;
                    }
                    if (found.text(at + ".id", m.id(), 40) && !ids.add(m.id())) {
                        found.add(at + ".id", "duplicate", "材料编号重复");
                    }
                    found.present(at + ".kind", m.kind());
                    found.text(at + ".title", m.title(), 100);
                    found.attachment(at + ".attachmentId", m.attachmentId());
                }
            });

    // 五、金融科技产品基本信息

    public static final FormRule PRODUCT = refusal("PRODUCT", "Annex 1 §5",
            "section 5, the product, is there",
            (s, found) -> found.present("product", s.form().product()));

    public static final FormRule PRODUCT_NAME = refusal("PRODUCT_NAME", "Annex 2 §3(5)1",
            "a product name of at most " + MAX_PRODUCT_NAME + " characters as a reader counts them",
            on(ApplicationForm::product, (s, p, found) -> {
                if (found.text("product.name", p.name(), Integer.MAX_VALUE) && length(p.name()) > MAX_PRODUCT_NAME) {
                    found.add("product.name", "max-length", "产品名称不超过 " + MAX_PRODUCT_NAME + " 个字（当前 " + length(p.name()) + " 个）");
                }
            }));

    public static final FormRule NO_BRAND_IN_PRODUCT_NAME = riskFlag("NO_BRAND_IN_PRODUCT_NAME", "Annex 2 §3(5)1",
            "product-name-contains-enterprise-name",
            "no brand in the product name: flagged when it contains the enterprise's name or its core name",
            s -> {
                Product p = s.form().product();
                Enterprise e = s.form().enterprise();
                return p != null && p.name() != null && !p.name().isBlank() && e != null && e.name() != null
                        && containsBrand(p.name(), e.name());
            });

    public static final FormRule PRODUCT_INTRODUCTION = refusal("PRODUCT_INTRODUCTION", "Annex 2 §3(5)2",
            "an introduction of at most " + MAX_INTRODUCTION + " characters",
            on(ApplicationForm::product, (s, p, found) -> {
                if (found.text("product.introduction", p.introduction(), Integer.MAX_VALUE) && length(p.introduction()) > MAX_INTRODUCTION) {
                    found.add("product.introduction", "max-length", "产品简介不超过 " + MAX_INTRODUCTION + " 个字（当前 " + length(p.introduction()) + " 个）");
                }
            }));

    public static final FormRule KEY_TECHNOLOGIES = refusal("KEY_TECHNOLOGIES", "Annex 2 §3(5)3",
            "at least one key technology, at most " + MAX_KEY_TECHNOLOGIES,
            on(ApplicationForm::product, (s, p, found) -> {
                if (p.keyTechnologies().isEmpty()) {
                    found.add("product.keyTechnologies", "required", "请至少填写一项关键技术");
                }
                if (found.maxItems("product.keyTechnologies", p.keyTechnologies(), MAX_KEY_TECHNOLOGIES)) {
                    for (int i = 0; i < p.keyTechnologies().size(); i++) {
                        found.text("product.keyTechnologies[" + i + "]", p.keyTechnologies().get(i), 20);
                    }
                }
            }));

    public static final FormRule GO_LIVE_DATE = refusal("GO_LIVE_DATE", "Annex 2 §3(5)4",
            "the go-live date, not later than today",
            on(ApplicationForm::product, (s, p, found) -> {
                if (found.present("product.goLiveDate", p.goLiveDate()) && p.goLiveDate().isAfter(s.today())) {
                    found.add("product.goLiveDate", "not-in-future", "投运日期不能晚于今天");
                }
            }));

    public static final FormRule HONOURS_AMONG_SUPPORTING_MATERIALS = refusal("HONOURS_AMONG_SUPPORTING_MATERIALS",
            "Art. 10, Annex 2 §3(5)5",
            "each patent, certification and award with kind, name, date and issuer, and also listed among the supporting materials; at most " + MAX_HONOURS,
            on(ApplicationForm::product, (s, p, found) -> {
                if (!found.maxItems("product.honours", p.honours(), MAX_HONOURS)) {
                    return;
                }
                Set<String> materials = materialIds(s.form());
                for (int i = 0; i < p.honours().size(); i++) {
                    String at = "product.honours[" + i + "]";
                    Honour h = p.honours().get(i);
                    if (!found.present(at, h)) {
                        continue;
                    }
                    found.present(at + ".kind", h.kind());
                    found.text(at + ".name", h.name(), 100);
                    found.present(at + ".date", h.date());
                    found.text(at + ".issuer", h.issuer(), 100);
                    if (found.text(at + ".supportingMaterialId", h.supportingMaterialId(), 40) && !materials.contains(h.supportingMaterialId())) {
                        found.add(at + ".supportingMaterialId", "listed-in-supporting-materials", "已获专利、认证和奖项须同时列入辅助申报材料清单");
                    }
                }
            }));

    public static final FormRule PRODUCT_TYPE = refusal("PRODUCT_TYPE", "Annex 2 §3(5)6",
            "exactly one product type",
            on(ApplicationForm::product, (s, p, found) -> found.present("product.productType", p.productType())));

    public static final FormRule BUSINESS_INNOVATION_NEEDS_EXEMPTION = refusal("BUSINESS_INNOVATION_NEEDS_EXEMPTION",
            "Annex 2 §3(5)6(1)",
            "business innovation only with an explicit regulatory exemption or attention (self-assessment, legal compliance)",
            on(ApplicationForm::product, (s, p, found) -> {
                SelfAssessment a = s.form().selfAssessment();
                boolean exempted = a != null && a.legalCompliance() != null
                        && Boolean.TRUE.equals(a.legalCompliance().regulatoryExemptionOrAttention());
                if (p.productType() == ProductType.BUSINESS_INNOVATION && !exempted) {
                    found.add("product.productType", "business-innovation-needs-exemption",
                            "业务创新类产品须有监管部门明确豁免或监管关注（自主评估·依法依规）");
                }
            }));

    public static final FormRule APPLICATION_SCENARIOS = refusal("APPLICATION_SCENARIOS", "Annex 2 §3(5)7",
            "one or more application scenarios, none twice; 其他 with a short description",
            on(ApplicationForm::product, (s, p, found) -> {
                if (p.scenarios().isEmpty()) {
                    found.add("product.scenarios", "required", "请至少选择一个主要应用场景");
                } else if (new HashSet<>(p.scenarios()).size() != p.scenarios().size()) {
                    found.add("product.scenarios", "duplicate", "应用场景重复");
                }
                if (p.scenarios().contains(ApplicationScenario.OTHER)) {
                    found.text("product.otherScenarioDescription", p.otherScenarioDescription(), 100);
                }
            }));

    // 六、自主评估部分

    public static final FormRule SELF_ASSESSMENT = refusal("SELF_ASSESSMENT", "Annex 2 §3(6)",
            "section 6, the self-assessment in four dimensions, is there",
            (s, found) -> found.present("selfAssessment", s.form().selfAssessment()));

    public static final FormRule LEGAL_COMPLIANCE_ANSWERED = refusal("LEGAL_COMPLIANCE_ANSWERED", "Annex 1 §6",
            "legal compliance (依法依规): every question answered and the dimension rated",
            onSelfAssessment((s, a, found) -> {
                LegalCompliance legal = a.legalCompliance();
                if (found.present("selfAssessment.legalCompliance", legal)) {
                    found.present("selfAssessment.legalCompliance.scenarioProvidedByMember", legal.scenarioProvidedByMember());
                    found.present("selfAssessment.legalCompliance.regulatoryExemptionOrAttention", legal.regulatoryExemptionOrAttention());
                    found.present("selfAssessment.legalCompliance.violatesLawsBeyondExemption", legal.violatesLawsBeyondExemption());
                    found.present("selfAssessment.legalCompliance.rating", legal.rating());
                }
            }));

    public static final FormRule NO_VIOLATION_BEYOND_EXEMPTION = inadmissible("NO_VIOLATION_BEYOND_EXEMPTION", "Art. 5(4)",
            "no violation of laws or rules beyond an explicit exemption: one answered makes the application inadmissible",
            onLegalCompliance((s, legal, found) -> {
                if (Boolean.TRUE.equals(legal.violatesLawsBeyondExemption())) {
                    found.add("selfAssessment.legalCompliance.violatesLawsBeyondExemption", "inadmissible-violates-laws",
                            "存在违反法律法规且超出明确豁免范围的情形，不得纳入清单（第五条第四项）");
                }
            }));

    public static final FormRule SCENARIO_BY_A_MEMBER = riskFlag("SCENARIO_BY_A_MEMBER", "Art. 8",
            "scenario-not-provided-by-member",
            "the scenario comes from a member institution: flagged when the self-assessment says it does not",
            s -> legalCompliance(s) != null && Boolean.FALSE.equals(legalCompliance(s).scenarioProvidedByMember()));

    public static final FormRule FINANCIAL_INNOVATION_ANSWERED = refusal("FINANCIAL_INNOVATION_ANSWERED", "Annex 1 §6",
            "financial innovation (金融创新): every question answered and the dimension rated",
            onSelfAssessment((s, a, found) -> {
                FinancialInnovation innovation = a.financialInnovation();
                if (found.present("selfAssessment.financialInnovation", innovation)) {
                    found.present("selfAssessment.financialInnovation.empowersDigitalTransformation", innovation.empowersDigitalTransformation());
                    found.present("selfAssessment.financialInnovation.orientedToRealEconomy", innovation.orientedToRealEconomy());
                    found.present("selfAssessment.financialInnovation.listedInXinchuangCatalogue", innovation.listedInXinchuangCatalogue());
                    found.present("selfAssessment.financialInnovation.thirdPartyAdaptationReport", innovation.thirdPartyAdaptationReport());
                    found.present("selfAssessment.financialInnovation.rating", innovation.rating());
                }
            }));

    public static final FormRule RISK_CONTROL_ANSWERED = refusal("RISK_CONTROL_ANSWERED", "Annex 1 §6",
            "risk control (风险防控): every question answered and the dimension rated",
            onSelfAssessment((s, a, found) -> {
                RiskControl risk = a.riskControl();
                if (found.present("selfAssessment.riskControl", risk)) {
                    found.present("selfAssessment.riskControl.risksIdentified", risk.risksIdentified());
                    found.present("selfAssessment.riskControl.majorLatentRisk", risk.majorLatentRisk());
                    found.present("selfAssessment.riskControl.preventionAndCompensation", risk.preventionAndCompensation());
                    found.present("selfAssessment.riskControl.rating", risk.rating());
                }
            }));

    public static final FormRule NO_MAJOR_LATENT_RISK = riskFlag("NO_MAJOR_LATENT_RISK", "Art. 5(5)",
            "major-latent-risk",
            "no major latent risk: flagged when the self-assessment declares one",
            s -> riskControl(s) != null && Boolean.TRUE.equals(riskControl(s).majorLatentRisk()));

    public static final FormRule RISKS_IDENTIFIED = riskFlag("RISKS_IDENTIFIED", "Art. 5(4)",
            "risks-not-identified",
            "compliance, system-security and data-security risks identified: flagged when the self-assessment says they are not",
            s -> riskControl(s) != null && Boolean.FALSE.equals(riskControl(s).risksIdentified()));

    public static final FormRule PREVENTION_AND_COMPENSATION = riskFlag("PREVENTION_AND_COMPENSATION", "Art. 5(5)",
            "no-prevention-and-compensation",
            "risk prevention and compensation in place: flagged when the self-assessment says they are not",
            s -> riskControl(s) != null && Boolean.FALSE.equals(riskControl(s).preventionAndCompensation()));

    public static final FormRule AFTER_SALES_SERVICE_ANSWERED = refusal("AFTER_SALES_SERVICE_ANSWERED", "Annex 1 §6",
            "after-sales service (售后服务): every question answered and the dimension rated",
            onSelfAssessment((s, a, found) -> {
                AfterSalesService service = a.afterSalesService();
                if (found.present("selfAssessment.afterSalesService", service)) {
                    found.present("selfAssessment.afterSalesService.effectiveComplaintMechanism", service.effectiveComplaintMechanism());
                    found.present("selfAssessment.afterSalesService.afterSalesAgreementSigned", service.afterSalesAgreementSigned());
                    found.present("selfAssessment.afterSalesService.rating", service.rating());
                }
            }));

    public static final FormRule COMPLAINT_MECHANISM = riskFlag("COMPLAINT_MECHANISM", "Art. 5(3)",
            "no-complaint-mechanism",
            "the vendor handles complaints effectively: flagged when the self-assessment says it has no such mechanism",
            s -> {
                SelfAssessment a = s.form().selfAssessment();
                return a != null && a.afterSalesService() != null
                        && Boolean.FALSE.equals(a.afterSalesService().effectiveComplaintMechanism());
            });

    // 第八条: a fintech enterprise may lead a joint application

    public static final FormRule VENDOR_LEAD_IS_THE_ENTERPRISE = refusal("VENDOR_LEAD_IS_THE_ENTERPRISE", "Art. 8",
            "when a fintech enterprise leads, the applicant is that enterprise (section 4)",
            (s, found) -> {
                Applicant a = s.form().applicant();
                Enterprise e = s.form().enterprise();
                if (vendorLed(s.form()) && e != null && a.uscc() != null && !a.uscc().equals(e.uscc())) {
                    found.add("applicant.uscc", "vendor-lead-is-the-enterprise", "科技企业牵头时，申报机构应为该金融科技企业");
                }
            });

    public static final FormRule MEMBER_PROVIDES_THE_SCENARIO = refusal("MEMBER_PROVIDES_THE_SCENARIO", "Art. 8",
            "when a fintech enterprise leads, a participating member institution provides the main scenario",
            (s, found) -> {
                boolean provider = s.form().participants().stream().anyMatch(p -> p != null
                        && Boolean.TRUE.equals(p.memberInstitution()) && Boolean.TRUE.equals(p.scenarioProvider()));
                if (vendorLed(s.form()) && !provider) {
                    found.add("participants", "scenario-provider-required",
                            "科技企业牵头申报时，须有参与联合申报的会员单位提供主要应用场景（第八条）");
                }
            });

    // 七、运行评估报告

    public static final FormRule EVALUATION_ISSUER = refusal("EVALUATION_ISSUER", "Annex 2 §3(7)",
            "section 7, the operational evaluation report, with its issuer's name and USCC",
            (s, found) -> {
                OperationalEvaluation e = s.form().operationalEvaluation();
                if (found.present("operationalEvaluation", e)) {
                    found.text("operationalEvaluation.issuerName", e.issuerName(), 100);
                    found.uscc("operationalEvaluation.issuerUscc", e.issuerUscc());
                }
            });

    public static final FormRule EVALUATION_BY_SCENARIO_PROVIDER = refusal("EVALUATION_BY_SCENARIO_PROVIDER",
            "Art. 8, Annex 2 §3(7)",
            "the report is issued by the scenario provider: the member lead, or a participant providing the scenario (a member institution when a fintech enterprise leads)",
            on(ApplicationForm::operationalEvaluation, (s, e, found) -> {
                if (Uscc.isValid(e.issuerUscc()) && !scenarioProviders(s.form()).contains(e.issuerUscc())) {
                    found.add("operationalEvaluation.issuerUscc", "issued-by-scenario-provider", "运行评估报告应由提供应用场景的会员单位出具");
                }
            }));

    public static final FormRule EVALUATION_CONTENT = refusal("EVALUATION_CONTENT", "Annex 2 §3(7)",
            "the report judges technical security and innovation, business compliance, risk control, the pain points solved, the effect achieved and the vendor's service; its file uploaded",
            on(ApplicationForm::operationalEvaluation, (s, e, found) -> {
                found.text("operationalEvaluation.technicalSecurityAndInnovation", e.technicalSecurityAndInnovation(), 1000);
                found.text("operationalEvaluation.businessCompliance", e.businessCompliance(), 1000);
                found.text("operationalEvaluation.riskControl", e.riskControl(), 1000);
                found.text("operationalEvaluation.painPointsSolved", e.painPointsSolved(), 1000);
                found.text("operationalEvaluation.effectAchieved", e.effectAchieved(), 1000);
                found.text("operationalEvaluation.vendorServiceQuality", e.vendorServiceQuality(), 1000);
                found.attachment("operationalEvaluation.reportAttachmentId", e.reportAttachmentId());
            }));

    // 第四条 认定条件

    public static final FormRule ELIGIBILITY = refusal("ELIGIBILITY", "Art. 4",
            "at least one eligibility basis, none twice, each with its evidence; at most " + MAX_ELIGIBILITY_CLAIMS,
            (s, found) -> {
                List<EligibilityClaim> claims = s.form().eligibility();
                if (claims.isEmpty()) {
                    found.add("eligibility", "required", "请至少选择一项认定条件（第四条）并提供依据");
                }
                if (!found.maxItems("eligibility", claims, MAX_ELIGIBILITY_CLAIMS)) {
                    return;
                }
                Set<Object> bases = new HashSet<>();
                for (int i = 0; i < claims.size(); i++) {
                    String at = "eligibility[" + i + "]";
                    EligibilityClaim claim = claims.get(i);
                    if (!found.present(at, claim)) {
                        continue;
                    }
                    if (found.present(at + ".basis", claim.basis()) && !bases.add(claim.basis())) {
                        found.add(at + ".basis", "duplicate", "认定条件重复");
                    }
                    found.text(at + ".evidence", claim.evidence(), 500);
                    if (claim.attachmentId() != null) {
                        found.attachment(at + ".attachmentId", claim.attachmentId());
                    }
                }
            });

    // 九、申报单位意见; 十、申报单位承诺书

    public static final FormRule OPINION = refusal("OPINION", "Annex 2 §3(9)",
            "the applicant's opinion is 同意申报, signed and dated",
            (s, found) -> {
                Opinion o = s.form().opinion();
                if (found.present("opinion", o)) {
                    if (found.present("opinion.decision", o.decision()) && o.decision() != OpinionDecision.AGREE) {
                        found.add("opinion.decision", "opinion-agree", "申报单位意见须为“同意申报”");
                    }
                    found.text("opinion.signatory", o.signatory(), 50);
                    found.present("opinion.date", o.date());
                }
            });

    public static final FormRule COMMITMENT = refusal("COMMITMENT", "Annex 2 §3(10)",
            "the commitment letter accepted, and the scan of the signed and sealed form uploaded",
            (s, found) -> {
                Commitment commitment = s.form().commitment();
                if (found.present("commitment", commitment)) {
                    if (!Boolean.TRUE.equals(commitment.accepted())) {
                        found.add("commitment.accepted", "commitment-accepted", "请阅读并接受申报单位承诺书");
                    }
                    found.attachment("commitment.signedFormAttachmentId", commitment.signedFormAttachmentId());
                }
            });

    /** Every rule, in the form's order: the order in which the applicant reads the violations. */
    public static final List<FormRule> ALL = List.of(
            APPLICANT, FINANCIAL_LICENCE, APPLICANT_IS_OWN_ORGANISATION,
            CONTACT,
            AT_MOST_FIVE_PARTICIPANTS, PARTICIPANTS,
            ENTERPRISE,
            SUPPORTING_MATERIALS,
            PRODUCT, PRODUCT_NAME, NO_BRAND_IN_PRODUCT_NAME, PRODUCT_INTRODUCTION, KEY_TECHNOLOGIES, GO_LIVE_DATE,
            HONOURS_AMONG_SUPPORTING_MATERIALS, PRODUCT_TYPE, BUSINESS_INNOVATION_NEEDS_EXEMPTION, APPLICATION_SCENARIOS,
            SELF_ASSESSMENT, LEGAL_COMPLIANCE_ANSWERED, NO_VIOLATION_BEYOND_EXEMPTION, SCENARIO_BY_A_MEMBER,
            FINANCIAL_INNOVATION_ANSWERED, RISK_CONTROL_ANSWERED, NO_MAJOR_LATENT_RISK, RISKS_IDENTIFIED,
            PREVENTION_AND_COMPENSATION, AFTER_SALES_SERVICE_ANSWERED, COMPLAINT_MECHANISM,
            VENDOR_LEAD_IS_THE_ENTERPRISE, MEMBER_PROVIDES_THE_SCENARIO,
            EVALUATION_ISSUER, EVALUATION_BY_SCENARIO_PROVIDER, EVALUATION_CONTENT,
            ELIGIBILITY,
            OPINION, COMMITMENT);

    /**
     * The outcome of checking a form: every violation, in the form's order; the risk flags raised; whether a violated
     * rule is a ground for 不予受理 ({@link FormRule.Severity#INADMISSIBLE}).
     */
    public record Result(List<RuleViolation> violations, List<String> riskFlags, boolean inadmissible) {
    }

    /**
     * Checks a form for submission. {@code attachmentIds} are the files stored for this application; every
     * reference of the form must point at one of them. {@code ownerUscc} is the organisation that owns the
     * application, which must be the one the form names as applicant.
     */
    public static Result check(ApplicationForm form, Set<String> attachmentIds, LocalDate today, String ownerUscc) {
        return check(new Subject(form, attachmentIds, today, ownerUscc), ALL);
    }

    /** Checks a form against some of the rules (each rule's own test checks it alone). */
    public static Result check(Subject subject, List<FormRule> rules) {
        Findings found = new Findings(subject.attachmentIds());
        boolean inadmissible = false;
        for (FormRule rule : rules) {
            int before = found.violations().size();
            rule.check().apply(subject, found);
            inadmissible |= rule.severity() == FormRule.Severity.INADMISSIBLE && found.violations().size() > before;
        }
        return new Result(List.copyOf(found.violations()), List.copyOf(found.flags()), inadmissible);
    }

    /** Characters as a reader counts them: Unicode code points, not UTF-16 units. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Brand information in a product name (Annex 2): the enterprise's name, or its core name without the
     * legal form and region ("某某科技有限公司" → "某某"), appears in it.
     */
    static boolean containsBrand(String productName, String enterpriseName) {
        String name = enterpriseName.trim();
        if (name.isEmpty()) {
            return false;
        }
        if (productName.contains(name)) {
            return true;
        }
        String core = name.replaceAll("(股份)?有限(责任)?公司$|集团$|公司$", "")
                .replaceAll("(科技|信息技术|信息|技术|软件|网络|数据|金融|数字)+$", "")
                .replaceAll("^(北京|上海|天津|重庆|河北|石家庄|深圳|广州|杭州|南京)(市)?", "");
        return length(core) >= 2 && productName.contains(core);
    }

    private static boolean isPhone(String s) {
        String v = s.trim();
        return MOBILE.matcher(v).matches() || LANDLINE.matcher(v).matches();
    }

    private static boolean vendorLed(ApplicationForm form) {
        return form.applicant() != null && form.applicant().leadKind() == LeadKind.FINTECH_ENTERPRISE;
    }

    /** Who may issue the evaluation report: the member lead itself, or a participant providing the scenario (Art. 8). */
    private static Set<String> scenarioProviders(ApplicationForm form) {
        boolean vendorLed = vendorLed(form);
        Set<String> providers = new HashSet<>();
        if (!vendorLed && form.applicant() != null && form.applicant().uscc() != null) {
            providers.add(form.applicant().uscc());
        }
        form.participants().stream()
                .filter(p -> p != null && Boolean.TRUE.equals(p.scenarioProvider()) && (!vendorLed || Boolean.TRUE.equals(p.memberInstitution())))
                .map(Participant::uscc).forEach(providers::add);
        return providers;
    }

    /** The numbers of the supporting materials an honour may refer to: none when the list is over its bound. */
    private static Set<String> materialIds(ApplicationForm form) {
        Set<String> ids = new HashSet<>();
        if (form.supportingMaterials().size() <= MAX_SUPPORTING_MATERIALS) {
            form.supportingMaterials().stream()
                    .filter(m -> m != null && m.id() != null && !m.id().isBlank() && length(m.id()) <= 40)
                    .forEach(m -> ids.add(m.id()));
        }
        return ids;
    }

    private static LegalCompliance legalCompliance(Subject s) {
        SelfAssessment a = s.form().selfAssessment();
        return a == null ? null : a.legalCompliance();
    }

    private static RiskControl riskControl(Subject s) {
        SelfAssessment a = s.form().selfAssessment();
        return a == null ? null : a.riskControl();
    }

    /** A check of one part of the form, run only when that part is there. */
    @FunctionalInterface
    private interface PartCheck<T> {
        void apply(Subject subject, T part, Findings found);
    }

    private static <T> FormRule.Check on(Function<ApplicationForm, T> part, PartCheck<T> check) {
        return (s, found) -> {
            T value = part.apply(s.form());
            if (value != null) {
                check.apply(s, value, found);
            }
        };
    }

    private static FormRule.Check onSelfAssessment(PartCheck<SelfAssessment> check) {
        return on(ApplicationForm::selfAssessment, check);
    }

    private static FormRule.Check onLegalCompliance(PartCheck<LegalCompliance> check) {
        return (s, found) -> {
            LegalCompliance legal = legalCompliance(s);
            if (legal != null) {
                check.apply(s, legal, found);
            }
        };
    }

    private FormRules() {
    }
}
