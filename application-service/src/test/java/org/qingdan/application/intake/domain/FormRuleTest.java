package org.qingdan.application.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.qingdan.application.Forms;
import org.qingdan.application.intake.domain.ApplicationForm.*;
import org.qingdan.application.intake.domain.FormRule.Severity;
import org.qingdan.application.intake.domain.FormRule.Subject;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Uscc;

/**
 * Each rule of {@link FormRules#ALL} alone, with a form it passes and one it fails. The passing forms are complete forms
 * every rule passes, the failing ones break the rule as the measures say; a rule without a case here fails the test.
 */
class FormRuleTest {

    static final LocalDate TODAY = FormRulesTest.TODAY;
    static final ApplicationForm VALID = FormRulesTest.VALID;
    /** A complete joint application led by the fintech enterprise, the member bank providing the scenario (Art. 8). */
    static final ApplicationForm VENDOR_LED = with(with(VALID, "applicant",
            new Applicant(Forms.VENDOR_NAME, Forms.VENDOR, LeadKind.FINTECH_ENTERPRISE, "北京市海淀区中关村大街1号", null, "无")),
            "participants", List.of(new Participant(Forms.ORG_A_NAME, Forms.ORG_A, "提供应用场景并出具评估报告", true, true)));

    /** What a rule finds in the failing form: a violation at a field with a rule slug, or a risk flag. */
    record Finding(String field, String slug) {
        static Finding flag(String flag) {
            return new Finding(null, flag);
        }
    }

    record Case(Subject passes, Subject fails, Finding finding) {
    }

    static Subject of(ApplicationForm form) {
        return new Subject(form, FormRulesTest.FILES, TODAY, Forms.ORG_A);
    }

    static Subject vendorLed(ApplicationForm form) {
        return new Subject(form, FormRulesTest.FILES, TODAY, Forms.VENDOR);
    }

    static Case fails(ApplicationForm form, String field, String slug) {
        return new Case(of(VALID), of(form), new Finding(field, slug));
    }

    static Case flags(ApplicationForm form, String flag) {
        return new Case(of(VALID), of(form), Finding.flag(flag));
    }

    static final Map<FormRule, Case> CASES = new LinkedHashMap<>();

    static {
        Applicant a = VALID.applicant();
        Product p = VALID.product();
        CASES.put(FormRules.APPLICANT, fails(with(VALID, "applicant.registeredAddress", " "), "applicant.registeredAddress", "required"));
        CASES.put(FormRules.FINANCIAL_LICENCE, new Case(vendorLed(VENDOR_LED), of(with(VALID, "applicant.financialLicenceNumber", "无")),
                new Finding("applicant.financialLicenceNumber", "financial-licence-format")));
        CASES.put(FormRules.APPLICANT_IS_OWN_ORGANISATION, new Case(of(VALID), new Subject(VALID, FormRulesTest.FILES, TODAY, Forms.ORG_B),
                new Finding("applicant.uscc", "applicant-is-own-organisation")));
        CASES.put(FormRules.CONTACT, fails(with(VALID, "contact.phone", "86001234"), "contact.phone", "phone"));
        CASES.put(FormRules.AT_MOST_FIVE_PARTICIPANTS, new Case(of(participants(5)), of(participants(6)),
                new Finding("participants", "max-participants")));
        CASES.put(FormRules.PARTICIPANTS, fails(with(VALID, "participants", List.of(new Participant("甲银行", a.uscc(), "测试", true, false))),
                "participants[0].uscc", "duplicate-organisation"));
        CASES.put(FormRules.ENTERPRISE, fails(with(VALID, "enterprise.postcode", "10008"), "enterprise.postcode", "postcode"));
        CASES.put(FormRules.SUPPORTING_MATERIALS, fails(with(VALID, "supportingMaterials", List.of(VALID.supportingMaterials().get(0),
                        new SupportingMaterial("m2", org.qingdan.contracts.form.MaterialKind.OTHER, "说明", "not-uploaded"))),
                "supportingMaterials[1].attachmentId", "attachment-exists"));
        CASES.put(FormRules.PRODUCT, fails(with(VALID, "product", null), "product", "required"));
        String twenty = "𠀀".repeat(10) + "风险识别平台智能风控";
        CASES.put(FormRules.PRODUCT_NAME, new Case(of(with(VALID, "product.name", twenty)), of(with(VALID, "product.name", twenty + "台")),
                new Finding("product.name", "max-length")));
        CASES.put(FormRules.NO_BRAND_IN_PRODUCT_NAME, flags(with(VALID, "product.name", "智信信贷风控平台"), "product-name-contains-enterprise-name"));
        CASES.put(FormRules.PRODUCT_INTRODUCTION, new Case(of(with(VALID, "product.introduction", "字".repeat(500))),
                of(with(VALID, "product.introduction", "字".repeat(501))), new Finding("product.introduction", "max-length")));
        CASES.put(FormRules.KEY_TECHNOLOGIES, fails(with(VALID, "product.keyTechnologies", List.of()), "product.keyTechnologies", "required"));
        CASES.put(FormRules.GO_LIVE_DATE, new Case(of(with(VALID, "product.goLiveDate", TODAY)), of(with(VALID, "product.goLiveDate", TODAY.plusDays(1))),
                new Finding("product.goLiveDate", "not-in-future")));
        CASES.put(FormRules.HONOURS_AMONG_SUPPORTING_MATERIALS, fails(with(VALID, "product.honours",
                        List.of(new Honour(HonourKind.AWARD, "金融科技创新奖", LocalDate.of(2025, 1, 1), "某协会", "m9"))),
                "product.honours[0].supportingMaterialId", "listed-in-supporting-materials"));
        CASES.put(FormRules.PRODUCT_TYPE, fails(with(VALID, "product.productType", null), "product.productType", "required"));
        ApplicationForm business = with(VALID, "product.productType", ProductType.BUSINESS_INNOVATION);
        CASES.put(FormRules.BUSINESS_INNOVATION_NEEDS_EXEMPTION, new Case(
                of(with(business, "selfAssessment.legalCompliance.regulatoryExemptionOrAttention", true)), of(business),
                new Finding("product.productType", "business-innovation-needs-exemption")));
        ApplicationForm other = with(VALID, "product.scenarios", List.of(ApplicationScenario.OTHER));
        CASES.put(FormRules.APPLICATION_SCENARIOS, new Case(of(with(other, "product.otherScenarioDescription", "农村金融服务站")), of(other),
                new Finding("product.otherScenarioDescription", "required")));
        CASES.put(FormRules.SELF_ASSESSMENT, fails(with(VALID, "selfAssessment", null), "selfAssessment", "required"));
        CASES.put(FormRules.LEGAL_COMPLIANCE_ANSWERED, fails(with(VALID, "selfAssessment.legalCompliance.rating", null),
                "selfAssessment.legalCompliance.rating", "required"));
        CASES.put(FormRules.NO_VIOLATION_BEYOND_EXEMPTION, fails(with(VALID, "selfAssessment.legalCompliance.violatesLawsBeyondExemption", true),
                "selfAssessment.legalCompliance.violatesLawsBeyondExemption", "inadmissible-violates-laws"));
        CASES.put(FormRules.SCENARIO_BY_A_MEMBER, flags(with(VALID, "selfAssessment.legalCompliance.scenarioProvidedByMember", false),
                "scenario-not-provided-by-member"));
        CASES.put(FormRules.FINANCIAL_INNOVATION_ANSWERED, fails(with(VALID, "selfAssessment.financialInnovation.thirdPartyAdaptationReport", null),
                "selfAssessment.financialInnovation.thirdPartyAdaptationReport", "required"));
        CASES.put(FormRules.RISK_CONTROL_ANSWERED, fails(with(VALID, "selfAssessment.riskControl.risksIdentified", null),
                "selfAssessment.riskControl.risksIdentified", "required"));
        CASES.put(FormRules.NO_MAJOR_LATENT_RISK, flags(with(VALID, "selfAssessment.riskControl.majorLatentRisk", true), "major-latent-risk"));
        CASES.put(FormRules.RISKS_IDENTIFIED, flags(with(VALID, "selfAssessment.riskControl.risksIdentified", false), "risks-not-identified"));
        CASES.put(FormRules.PREVENTION_AND_COMPENSATION, flags(with(VALID, "selfAssessment.riskControl.preventionAndCompensation", false),
                "no-prevention-and-compensation"));
        CASES.put(FormRules.AFTER_SALES_SERVICE_ANSWERED, fails(with(VALID, "selfAssessment.afterSalesService.afterSalesAgreementSigned", null),
                "selfAssessment.afterSalesService.afterSalesAgreementSigned", "required"));
        CASES.put(FormRules.COMPLAINT_MECHANISM, flags(with(VALID, "selfAssessment.afterSalesService.effectiveComplaintMechanism", false),
                "no-complaint-mechanism"));
        CASES.put(FormRules.VENDOR_LEAD_IS_THE_ENTERPRISE, new Case(vendorLed(VENDOR_LED),
                new Subject(with(VENDOR_LED, "applicant.uscc", Forms.ORG_B), FormRulesTest.FILES, TODAY, Forms.ORG_B),
                new Finding("applicant.uscc", "vendor-lead-is-the-enterprise")));
        CASES.put(FormRules.MEMBER_PROVIDES_THE_SCENARIO, new Case(vendorLed(VENDOR_LED),
                vendorLed(with(VENDOR_LED, "participants", List.of(new Participant(Forms.ORG_A_NAME, Forms.ORG_A, "试用", true, false)))),
                new Finding("participants", "scenario-provider-required")));
        CASES.put(FormRules.EVALUATION_ISSUER, fails(with(VALID, "operationalEvaluation.issuerName", ""), "operationalEvaluation.issuerName", "required"));
        CASES.put(FormRules.EVALUATION_BY_SCENARIO_PROVIDER, new Case(vendorLed(VENDOR_LED),
                vendorLed(with(VENDOR_LED, "operationalEvaluation.issuerUscc", Forms.VENDOR)),
                new Finding("operationalEvaluation.issuerUscc", "issued-by-scenario-provider")));
        CASES.put(FormRules.EVALUATION_CONTENT, fails(with(VALID, "operationalEvaluation.painPointsSolved", " "),
                "operationalEvaluation.painPointsSolved", "required"));
        CASES.put(FormRules.ELIGIBILITY, fails(with(VALID, "eligibility", List.of()), "eligibility", "required"));
        CASES.put(FormRules.OPINION, fails(with(VALID, "opinion.decision", OpinionDecision.DISAGREE), "opinion.decision", "opinion-agree"));
        CASES.put(FormRules.COMMITMENT, fails(with(VALID, "commitment.accepted", false), "commitment.accepted", "commitment-accepted"));
    }

    @Test
    void every_rule_has_a_case_and_is_in_the_list_once_under_its_constants_name() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field f : FormRules.class.getDeclaredFields()) {
            if (f.getType() == FormRule.class && Modifier.isStatic(f.getModifiers())) {
                assertThat(((FormRule) f.get(null)).name()).isEqualTo(f.getName());
                constants.add(f.getName());
            }
        }
        assertThat(FormRules.ALL).extracting(FormRule::name).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(constants);
        assertThat(CASES.keySet()).containsExactlyInAnyOrderElementsOf(FormRules.ALL);
    }

    @TestFactory
    Stream<DynamicTest> each_rule_passes_a_form_that_meets_it_and_fails_one_that_breaks_it() {
        return FormRules.ALL.stream().filter(CASES::containsKey).map(rule -> DynamicTest.dynamicTest(rule.name(), () -> {
            Case c = CASES.get(rule);
            FormRules.Result passed = FormRules.check(c.passes(), List.of(rule));
            assertThat(passed.violations()).isEmpty();
            assertThat(passed.riskFlags()).isEmpty();
            // the passing form is a complete one: no other rule objects to it either
            FormRules.Result all = FormRules.check(c.passes(), FormRules.ALL);
            assertThat(all.violations()).isEmpty();
            assertThat(all.riskFlags()).isEmpty();

            FormRules.Result failed = FormRules.check(c.fails(), List.of(rule));
            Finding f = c.finding();
            if (rule.severity() == Severity.RISK_FLAG) {
                assertThat(failed.violations()).isEmpty();
                assertThat(failed.riskFlags()).containsExactly(f.slug());
                assertThat(FormRules.check(c.fails(), FormRules.ALL).riskFlags()).contains(f.slug());
            } else {
                assertThat(failed.riskFlags()).isEmpty();
                assertThat(failed.violations()).extracting(RuleViolation::field, RuleViolation::rule).contains(tuple(f.field(), f.slug()));
                assertThat(FormRules.check(c.fails(), FormRules.ALL).violations())
                        .extracting(RuleViolation::field, RuleViolation::rule).contains(tuple(f.field(), f.slug()));
            }
            assertThat(failed.inadmissible()).isEqualTo(rule.severity() == Severity.INADMISSIBLE);
        }));
    }

    /** {@code count} other participants with distinct, valid USCCs, none the applicant. */
    static ApplicationForm participants(int count) {
        List<Participant> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String organisation = "1000" + (4000 + i);
            String first17 = "91130100" + organisation + orgCheck(organisation);
            rows.add(new Participant("参与机构" + i, first17 + Uscc.checkCharacter(first17), "测试", false, false));
        }
        return with(VALID, "participants", rows);
    }

    /** GB 11714's check character over eight body characters (digits here). */
    private static char orgCheck(String body) {
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }

    /** The form with the value at a dotted path of record components replaced ("product.name"). */
    @SuppressWarnings("unchecked")
    static <R extends Record> R with(R record, String path, Object value) {
        String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        String rest = path.contains(".") ? path.substring(path.indexOf('.') + 1) : null;
        try {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                Object current = components[i].getAccessor().invoke(record);
                boolean here = components[i].getName().equals(head);
                found |= here;
                args[i] = !here ? current : rest == null ? value : with((Record) current, rest, value);
            }
            if (!found) {
                throw new IllegalArgumentException("no " + head + " in " + record.getClass().getSimpleName());
            }
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(path, e);
        }
    }
}
