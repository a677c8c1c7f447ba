package org.qingdan.application.application.domain;

import org.qingdan.contracts.form.Uscc;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.qingdan.application.application.domain.ApplicationForm.*;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;

/**
 * The rules of Annex 1 and Annex 2 that a submitted form must meet, checked all at once so that the
 * applicant sees every violation in one answer. Answers that make an application inadmissible are
 * violations too (rule {@code inadmissible-*}); answers the office should look at in the formal check
 * become risk flags.
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
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** 金融许可证号: an institution-type letter followed by 10-20 digits and capitals, e.g. B0209H213010001. */
    private static final Pattern LICENCE = Pattern.compile("[A-Z][0-9A-Z]{10,20}");

    /** The outcome of checking a form for submission. */
    public record Result(List<RuleViolation> violations, List<String> riskFlags) {

        public boolean inadmissible() {
            return violations.stream().anyMatch(v -> v.rule().startsWith("inadmissible"));
        }
    }

    /**
     * Checks a form for submission. {@code attachmentIds} are the files stored for this application; every
     * reference of the form must point at one of them. {@code ownerUscc} is the organisation that owns the
     * application, which must be the one the form names as applicant.
     */
    public static Result check(ApplicationForm form, Set<String> attachmentIds, LocalDate today, String ownerUscc) {
        Check c = new Check(attachmentIds);
        applicant(c, form.applicant());
        if (form.applicant() != null && form.applicant().uscc() != null && !form.applicant().uscc().equals(ownerUscc)) {
            // the lead applicant is the organisation of the signed-in user, as its token says
            c.add("applicant.uscc", "applicant-is-own-organisation", "申报机构应为您所在的机构（" + ownerUscc + "）");
        }
        contact(c, form.contact());
        participants(c, form);
        enterprise(c, form.enterprise());
        Set<String> materialIds = materials(c, form);
        product(c, form, materialIds, today);
        selfAssessment(c, form);
        evaluation(c, form);
        eligibility(c, form);
        opinionAndCommitment(c, form);
        return new Result(List.copyOf(c.violations), List.copyOf(c.flags));
    }

    private static void applicant(Check c, Applicant a) {
        if (c.present("applicant", a)) {
            c.text("applicant.name", a.name(), 100);
            c.uscc("applicant.uscc", a.uscc());
            c.present("applicant.leadKind", a.leadKind());
            c.text("applicant.registeredAddress", a.registeredAddress(), 200);
            c.optionalText("applicant.officeAddress", a.officeAddress(), 200);
            String licence = a.financialLicenceNumber();
            if (c.text("applicant.financialLicenceNumber", licence, 30) && a.leadKind() != null) {
                if (a.leadKind() == LeadKind.FINTECH_ENTERPRISE && !NO_LICENCE.equals(licence.trim())) {
                    c.add("applicant.financialLicenceNumber", "financial-licence-none", "牵头单位不是金融机构时，金融许可证号应填写“无”");
                } else if (a.leadKind() == LeadKind.MEMBER_INSTITUTION && !LICENCE.matcher(licence.trim()).matches()) {
                    c.add("applicant.financialLicenceNumber", "financial-licence-format", "请填写金融许可证上的机构编码，如 B0209H213010001");
                }
            }
        }
    }

    private static void contact(Check c, Contact contact) {
        if (c.present("contact", contact)) {
            c.text("contact.name", contact.name(), 50);
            if (c.text("contact.phone", contact.phone(), 30) && !isPhone(contact.phone())) {
                c.add("contact.phone", "phone", "请填写手机号或带区号的座机号，如 0311-86001234");
            }
            c.text("contact.department", contact.department(), 50);
            c.text("contact.title", contact.title(), 50);
            c.email("contact.email", contact.email());
        }
    }

    private static void participants(Check c, ApplicationForm form) {
        List<Participant> rows = form.participants();
        if (rows.size() > MAX_PARTICIPANTS) {
            c.add("participants", "max-participants", "其他参与机构最多 " + MAX_PARTICIPANTS + " 家");
        }
        Set<String> seen = new HashSet<>();
        if (form.applicant() != null && form.applicant().uscc() != null) {
            seen.add(form.applicant().uscc());
        }
        for (int i = 0; i < rows.size(); i++) {
            String at = "participants[" + i + "]";
            Participant p = rows.get(i);
            if (!c.present(at, p)) {
                continue;
            }
            c.text(at + ".name", p.name(), 100);
            if (c.uscc(at + ".uscc", p.uscc()) && !seen.add(p.uscc())) {
                c.add(at + ".uscc", "duplicate-organisation", "同一机构不能重复填写");
            }
            // Annex 2 §1: every participant does real work; its role (主要分工) says which
            c.text(at + ".role", p.role(), 100);
            c.present(at + ".memberInstitution", p.memberInstitution());
            c.present(at + ".scenarioProvider", p.scenarioProvider());
        }
    }

    private static void enterprise(Check c, Enterprise e) {
        if (c.present("enterprise", e)) {
            c.text("enterprise.name", e.name(), 100);
            c.uscc("enterprise.uscc", e.uscc());
            c.present("enterprise.enterpriseType", e.enterpriseType());
            c.text("enterprise.mailingAddress", e.mailingAddress(), 200);
            if (c.text("enterprise.postcode", e.postcode(), 6) && !POSTCODE.matcher(e.postcode()).matches()) {
                c.add("enterprise.postcode", "postcode", "邮政编码应为 6 位数字");
            }
            c.text("enterprise.contactName", e.contactName(), 50);
            c.text("enterprise.department", e.department(), 50);
            c.text("enterprise.title", e.title(), 50);
            c.email("enterprise.email", e.email());
            if (c.text("enterprise.mobile", e.mobile(), 11) && !MOBILE.matcher(e.mobile()).matches()) {
                c.add("enterprise.mobile", "mobile", "请填写 11 位手机号");
            }
        }
    }

    private static Set<String> materials(Check c, ApplicationForm form) {
        Set<String> ids = new HashSet<>();
        List<SupportingMaterial> rows = form.supportingMaterials();
        if (!c.maxItems("supportingMaterials", rows, MAX_SUPPORTING_MATERIALS)) {
            return ids;
        }
        for (int i = 0; i < rows.size(); i++) {
            String at = "supportingMaterials[" + i + "]";
            SupportingMaterial m = rows.get(i);
            if (!c.present(at, m)) {
                continue;
            }
            if (c.text(at + ".id", m.id(), 40) && !ids.add(m.id())) {
                c.add(at + ".id", "duplicate", "材料编号重复");
            }
            c.present(at + ".kind", m.kind());
            c.text(at + ".title", m.title(), 100);
            c.attachment(at + ".attachmentId", m.attachmentId());
        }
        return ids;
    }

    private static void product(Check c, ApplicationForm form, Set<String> materialIds, LocalDate today) {
        Product p = form.product();
        if (!c.present("product", p)) {
            return;
        }
        if (c.text("product.name", p.name(), Integer.MAX_VALUE)) {
            if (length(p.name()) > MAX_PRODUCT_NAME) {
                c.add("product.name", "max-length", "产品名称不超过 " + MAX_PRODUCT_NAME + " 个字（当前 " + length(p.name()) + " 个）");
            }
            Enterprise e = form.enterprise();
            if (e != null && e.name() != null && containsBrand(p.name(), e.name())) {
                c.flag("product-name-contains-enterprise-name");
            }
        }
        if (c.text("product.introduction", p.introduction(), Integer.MAX_VALUE) && length(p.introduction()) > MAX_INTRODUCTION) {
            c.add("product.introduction", "max-length", "产品简介不超过 " + MAX_INTRODUCTION + " 个字（当前 " + length(p.introduction()) + " 个）");
        }
        if (p.keyTechnologies().isEmpty()) {
            c.add("product.keyTechnologies", "required", "请至少填写一项关键技术");
        }
        if (c.maxItems("product.keyTechnologies", p.keyTechnologies(), MAX_KEY_TECHNOLOGIES)) {
            for (int i = 0; i < p.keyTechnologies().size(); i++) {
                c.text("product.keyTechnologies[" + i + "]", p.keyTechnologies().get(i), 20);
            }
        }
        if (c.present("product.goLiveDate", p.goLiveDate()) && p.goLiveDate().isAfter(today)) {
            c.add("product.goLiveDate", "not-in-future", "投运日期不能晚于今天");
        }
        for (int i = 0; c.maxItems("product.honours", p.honours(), MAX_HONOURS) && i < p.honours().size(); i++) {
            String at = "product.honours[" + i + "]";
            Honour h = p.honours().get(i);
            if (!c.present(at, h)) {
                continue;
            }
            c.present(at + ".kind", h.kind());
            c.text(at + ".name", h.name(), 100);
            c.present(at + ".date", h.date());
            c.text(at + ".issuer", h.issuer(), 100);
            if (c.text(at + ".supportingMaterialId", h.supportingMaterialId(), 40) && !materialIds.contains(h.supportingMaterialId())) {
                c.add(at + ".supportingMaterialId", "listed-in-supporting-materials", "已获专利、认证和奖项须同时列入辅助申报材料清单");
            }
        }
        if (c.present("product.productType", p.productType()) && p.productType() == ProductType.BUSINESS_INNOVATION) {
            SelfAssessment s = form.selfAssessment();
            boolean exempted = s != null && s.legalCompliance() != null
                    && Boolean.TRUE.equals(s.legalCompliance().regulatoryExemptionOrAttention());
            if (!exempted) {
                c.add("product.productType", "business-innovation-needs-exemption",
                        "业务创新类产品须有监管部门明确豁免或监管关注（自主评估·依法依规）");
            }
        }
        if (p.scenarios().isEmpty()) {
            c.add("product.scenarios", "required", "请至少选择一个主要应用场景");
        } else if (new HashSet<>(p.scenarios()).size() != p.scenarios().size()) {
            c.add("product.scenarios", "duplicate", "应用场景重复");
        }
        if (p.scenarios().contains(ApplicationScenario.OTHER)) {
            c.text("product.otherScenarioDescription", p.otherScenarioDescription(), 100);
        }
    }

    private static void selfAssessment(Check c, ApplicationForm form) {
        SelfAssessment s = form.selfAssessment();
        if (!c.present("selfAssessment", s)) {
            return;
        }
        LegalCompliance legal = s.legalCompliance();
        if (c.present("selfAssessment.legalCompliance", legal)) {
            c.present("selfAssessment.legalCompliance.scenarioProvidedByMember", legal.scenarioProvidedByMember());
            c.present("selfAssessment.legalCompliance.regulatoryExemptionOrAttention", legal.regulatoryExemptionOrAttention());
            c.present("selfAssessment.legalCompliance.violatesLawsBeyondExemption", legal.violatesLawsBeyondExemption());
            c.present("selfAssessment.legalCompliance.rating", legal.rating());
            if (Boolean.TRUE.equals(legal.violatesLawsBeyondExemption())) {
                c.add("selfAssessment.legalCompliance.violatesLawsBeyondExemption", "inadmissible-violates-laws",
                        "存在违反法律法规且超出明确豁免范围的情形，不得纳入清单（第五条第四项）");
            }
            if (Boolean.FALSE.equals(legal.scenarioProvidedByMember())) {
                c.flag("scenario-not-provided-by-member");
            }
        }
        FinancialInnovation innovation = s.financialInnovation();
        if (c.present("selfAssessment.financialInnovation", innovation)) {
            c.present("selfAssessment.financialInnovation.empowersDigitalTransformation", innovation.empowersDigitalTransformation());
            c.present("selfAssessment.financialInnovation.orientedToRealEconomy", innovation.orientedToRealEconomy());
            c.present("selfAssessment.financialInnovation.listedInXinchuangCatalogue", innovation.listedInXinchuangCatalogue());
            c.present("selfAssessment.financialInnovation.thirdPartyAdaptationReport", innovation.thirdPartyAdaptationReport());
            c.present("selfAssessment.financialInnovation.rating", innovation.rating());
        }
        RiskControl risk = s.riskControl();
        if (c.present("selfAssessment.riskControl", risk)) {
            c.present("selfAssessment.riskControl.risksIdentified", risk.risksIdentified());
            c.present("selfAssessment.riskControl.majorLatentRisk", risk.majorLatentRisk());
            c.present("selfAssessment.riskControl.preventionAndCompensation", risk.preventionAndCompensation());
            c.present("selfAssessment.riskControl.rating", risk.rating());
            if (Boolean.TRUE.equals(risk.majorLatentRisk())) {
                c.flag("major-latent-risk");
            }
            if (Boolean.FALSE.equals(risk.risksIdentified())) {
                c.flag("risks-not-identified");
            }
            if (Boolean.FALSE.equals(risk.preventionAndCompensation())) {
                c.flag("no-prevention-and-compensation");
            }
        }
        AfterSalesService service = s.afterSalesService();
        if (c.present("selfAssessment.afterSalesService", service)) {
            c.present("selfAssessment.afterSalesService.effectiveComplaintMechanism", service.effectiveComplaintMechanism());
            c.present("selfAssessment.afterSalesService.afterSalesAgreementSigned", service.afterSalesAgreementSigned());
            c.present("selfAssessment.afterSalesService.rating", service.rating());
            if (Boolean.FALSE.equals(service.effectiveComplaintMechanism())) {
                c.flag("no-complaint-mechanism");
            }
        }
    }

    private static void evaluation(Check c, ApplicationForm form) {
        Applicant a = form.applicant();
        boolean vendorLed = a != null && a.leadKind() == LeadKind.FINTECH_ENTERPRISE;
        if (vendorLed) {
            // Art. 8: a fintech enterprise may lead, but the main scenario comes from a participating member institution
            if (form.enterprise() != null && a.uscc() != null && !a.uscc().equals(form.enterprise().uscc())) {
                c.add("applicant.uscc", "vendor-lead-is-the-enterprise", "科技企业牵头时，申报机构应为该金融科技企业");
            }
            boolean provider = form.participants().stream().anyMatch(p -> p != null
                    && Boolean.TRUE.equals(p.memberInstitution()) && Boolean.TRUE.equals(p.scenarioProvider()));
            if (!provider) {
                c.add("participants", "scenario-provider-required",
                        "科技企业牵头申报时，须有参与联合申报的会员单位提供主要应用场景（第八条）");
            }
        }
        OperationalEvaluation e = form.operationalEvaluation();
        if (!c.present("operationalEvaluation", e)) {
            return;
        }
        c.text("operationalEvaluation.issuerName", e.issuerName(), 100);
        if (c.uscc("operationalEvaluation.issuerUscc", e.issuerUscc())) {
            Set<String> providers = new HashSet<>();
            if (!vendorLed && a != null && a.uscc() != null) {
                providers.add(a.uscc());
            }
            form.participants().stream()
                    .filter(p -> p != null && Boolean.TRUE.equals(p.scenarioProvider()) && (!vendorLed || Boolean.TRUE.equals(p.memberInstitution())))
                    .map(Participant::uscc).forEach(providers::add);
            if (!providers.contains(e.issuerUscc())) {
                c.add("operationalEvaluation.issuerUscc", "issued-by-scenario-provider",
                        "运行评估报告应由提供应用场景的会员单位出具");
            }
        }
        c.text("operationalEvaluation.technicalSecurityAndInnovation", e.technicalSecurityAndInnovation(), 1000);
        c.text("operationalEvaluation.businessCompliance", e.businessCompliance(), 1000);
        c.text("operationalEvaluation.riskControl", e.riskControl(), 1000);
        c.text("operationalEvaluation.painPointsSolved", e.painPointsSolved(), 1000);
        c.text("operationalEvaluation.effectAchieved", e.effectAchieved(), 1000);
        c.text("operationalEvaluation.vendorServiceQuality", e.vendorServiceQuality(), 1000);
        c.attachment("operationalEvaluation.reportAttachmentId", e.reportAttachmentId());
    }

    private static void eligibility(Check c, ApplicationForm form) {
        List<EligibilityClaim> claims = form.eligibility();
        if (claims.isEmpty()) {
            c.add("eligibility", "required", "请至少选择一项认定条件（第四条）并提供依据");
        }
        Set<Object> bases = new HashSet<>();
        for (int i = 0; c.maxItems("eligibility", claims, MAX_ELIGIBILITY_CLAIMS) && i < claims.size(); i++) {
            String at = "eligibility[" + i + "]";
            EligibilityClaim claim = claims.get(i);
            if (!c.present(at, claim)) {
                continue;
            }
            if (c.present(at + ".basis", claim.basis()) && !bases.add(claim.basis())) {
                c.add(at + ".basis", "duplicate", "认定条件重复");
            }
            c.text(at + ".evidence", claim.evidence(), 500);
            if (claim.attachmentId() != null) {
                c.attachment(at + ".attachmentId", claim.attachmentId());
            }
        }
    }

    private static void opinionAndCommitment(Check c, ApplicationForm form) {
        Opinion o = form.opinion();
        if (c.present("opinion", o)) {
            if (c.present("opinion.decision", o.decision()) && o.decision() != OpinionDecision.AGREE) {
                c.add("opinion.decision", "opinion-agree", "申报单位意见须为“同意申报”");
            }
            c.text("opinion.signatory", o.signatory(), 50);
            c.present("opinion.date", o.date());
        }
        Commitment commitment = form.commitment();
        if (c.present("commitment", commitment)) {
            if (!Boolean.TRUE.equals(commitment.accepted())) {
                c.add("commitment.accepted", "commitment-accepted", "请阅读并接受申报单位承诺书");
            }
            c.attachment("commitment.signedFormAttachmentId", commitment.signedFormAttachmentId());
        }
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

    /** Collects violations; each helper returns whether the value was there and fit to check further. */
    private static final class Check {
        final List<RuleViolation> violations = new ArrayList<>();
        final Set<String> flags = new java.util.LinkedHashSet<>();
        final Set<String> attachmentIds;

        Check(Set<String> attachmentIds) {
            this.attachmentIds = attachmentIds;
        }

        void add(String field, String rule, String message) {
            violations.add(new RuleViolation(field, rule, message));
        }

        void flag(String flag) {
            flags.add(flag);
        }

        boolean present(String field, Object value) {
            if (value == null) {
                add(field, "required", "必填");
                return false;
            }
            return true;
        }

        boolean text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                add(field, "required", "必填");
                return false;
            }
            if (length(value) > max) {
                add(field, "max-length", "不超过 " + max + " 个字");
                return false;
            }
            return true;
        }

        /** Whether the list is within its bound; one violation names the list, not each item past it. */
        boolean maxItems(String field, List<?> list, int max) {
            if (list.size() > max) {
                if (violations.stream().noneMatch(v -> v.field().equals(field) && v.rule().equals("max-items"))) {
                    add(field, "max-items", "最多 " + max + " 项（当前 " + list.size() + " 项）");
                }
                return false;
            }
            return true;
        }

        void optionalText(String field, String value, int max) {
            if (value != null && length(value) > max) {
                add(field, "max-length", "不超过 " + max + " 个字");
            }
        }

        boolean uscc(String field, String value) {
            if (!text(field, value, 18)) {
                return false;
            }
            return Uscc.violation(value).map(rule -> {
                add(field, rule, switch (rule) {
                    case Uscc.RULE_CHECK -> "统一社会信用代码校验码不正确";
                    case Uscc.RULE_ORG_CHECK -> "统一社会信用代码中的组织机构代码校验码不正确";
                    default -> "统一社会信用代码应为 18 位数字或大写字母（不含 I、O、Z、S、V）";
                });
                return false;
            }).orElse(true);
        }

        void email(String field, String value) {
            if (text(field, value, 100) && !EMAIL.matcher(value.trim()).matches()) {
                add(field, "email", "电子邮箱格式不正确");
            }
        }

        void attachment(String field, String id) {
            if (text(field, id, 64) && !attachmentIds.contains(id)) {
                add(field, "attachment-exists", "请先上传该附件");
            }
        }
    }

    private FormRules() {
    }
}
