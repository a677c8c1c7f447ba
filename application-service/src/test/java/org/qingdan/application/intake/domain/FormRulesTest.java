package org.qingdan.application.intake.domain;

import org.qingdan.contracts.form.Uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.application.intake.domain.ApplicationForm.*;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;

/** Every rule of Annex 1 and 2 with a valid and an invalid input. */
class FormRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final Set<String> FILES = Set.of("f-patent", "f-report", "f-signed");
    static final ApplicationForm VALID = Forms.complete(Forms.files());

    static FormRules.Result check(ApplicationForm form) {
        return FormRules.check(form, FILES, TODAY, Forms.ORG_A);
    }

    static List<String> rulesAt(ApplicationForm form, String field) {
        return check(form).violations().stream().filter(v -> v.field().equals(field)).map(RuleViolation::rule).toList();
    }

    static ApplicationForm product(UnaryOperator<Product> change) {
        ApplicationForm f = VALID;
        return new ApplicationForm(f.applicant(), f.contact(), f.participants(), f.enterprise(), change.apply(f.product()),
                f.selfAssessment(), f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
    }

    static Product named(Product p, String name) {
        return new Product(name, p.introduction(), p.keyTechnologies(), p.goLiveDate(), p.honours(), p.productType(),
                p.scenarios(), p.otherScenarioDescription());
    }

    static ApplicationForm applicant(Applicant a) {
        ApplicationForm f = VALID;
        return new ApplicationForm(a, f.contact(), f.participants(), f.enterprise(), f.product(), f.selfAssessment(),
                f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
    }

    static ApplicationForm participants(List<Participant> rows) {
        ApplicationForm f = VALID;
        return new ApplicationForm(f.applicant(), f.contact(), rows, f.enterprise(), f.product(), f.selfAssessment(),
                f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
    }

    static ApplicationForm enterprise(UnaryOperator<Enterprise> change) {
        ApplicationForm f = VALID;
        return new ApplicationForm(f.applicant(), f.contact(), f.participants(), change.apply(f.enterprise()), f.product(),
                f.selfAssessment(), f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
    }

    static ApplicationForm selfAssessment(SelfAssessment s) {
        ApplicationForm f = VALID;
        return new ApplicationForm(f.applicant(), f.contact(), f.participants(), f.enterprise(), f.product(), s,
                f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
    }

    @Test
    void the_complete_form_passes_without_flags() {
        FormRules.Result result = check(VALID);
        assertThat(result.violations()).isEmpty();
        assertThat(result.riskFlags()).isEmpty();
    }

    @Test
    void an_empty_form_reports_every_section_at_once() {
        FormRules.Result result = check(ApplicationForm.empty());
        assertThat(result.violations()).extracting(RuleViolation::field).contains("applicant", "contact", "enterprise",
                "product", "selfAssessment", "operationalEvaluation", "eligibility", "opinion", "commitment");
        assertThat(result.inadmissible()).isFalse();
    }

    @Test
    void usccs_of_every_organisation_are_checked_with_both_check_characters() {
        Applicant a = VALID.applicant();
        assertThat(rulesAt(applicant(new Applicant(a.name(), "91130100100003962A", a.leadKind(), a.registeredAddress(), null,
                a.financialLicenceNumber())), "applicant.uscc")).contains(Uscc.RULE_CHECK);
        String badOrg = "91130100" + "10000396" + "3";
        badOrg = badOrg + Uscc.checkCharacter(badOrg);
        String finalBadOrg = badOrg;
        assertThat(rulesAt(participants(List.of(new Participant("某公司", finalBadOrg, "研发", false, false))),
                "participants[0].uscc")).containsExactly(Uscc.RULE_ORG_CHECK);
        assertThat(rulesAt(enterprise(e -> new Enterprise(e.name(), "123", e.enterpriseType(), e.mailingAddress(),
                e.postcode(), e.contactName(), e.department(), e.title(), e.email(), e.mobile())), "enterprise.uscc"))
                .containsExactly(Uscc.RULE_FORMAT);
    }

    @Test
    void the_financial_licence_is_a_licence_number_for_a_bank_and_the_word_none_otherwise() {
        Applicant a = VALID.applicant();
        assertThat(rulesAt(applicant(new Applicant(a.name(), a.uscc(), LeadKind.MEMBER_INSTITUTION, a.registeredAddress(),
                null, "无")), "applicant.financialLicenceNumber")).containsExactly("financial-licence-format");
        assertThat(rulesAt(applicant(new Applicant(a.name(), a.uscc(), LeadKind.FINTECH_ENTERPRISE, a.registeredAddress(),
                null, "B0209H213010001")), "applicant.financialLicenceNumber")).containsExactly("financial-licence-none");
        assertThat(rulesAt(applicant(new Applicant(a.name(), a.uscc(), LeadKind.FINTECH_ENTERPRISE, a.registeredAddress(),
                null, "无")), "applicant.financialLicenceNumber")).isEmpty();
    }

    @Test
    void at_most_five_participants_each_with_a_role_and_no_duplicates() {
        List<Participant> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(new Participant("参与机构" + i, Forms.VENDOR, "研发", false, false));
        }
        FormRules.Result result = check(participants(six));
        assertThat(result.violations()).extracting(RuleViolation::rule).contains("max-participants", "duplicate-organisation");
        assertThat(rulesAt(participants(List.of(new Participant("某公司", Forms.VENDOR, " ", false, false))),
                "participants[0].role")).containsExactly("required");
        List<Participant> five = new ArrayList<>();
        for (String uscc : List.of(Forms.VENDOR, Forms.PARTNER_BANK, "911301027356003226", "911301006789123452", "12130000400007199N")) {
            five.add(new Participant("参与机构", uscc, "测试", false, false));
        }
        assertThat(check(participants(five)).violations()).isEmpty();
    }

    @Test
    void product_name_counts_code_points_twenty_with_supplementary_characters_pass_twenty_one_fail() {
        String twenty = "𠀀".repeat(10) + "风险识别平台智能风控"; // 10 supplementary-plane + 10 BMP = 20 characters, 30 UTF-16 units
        assertThat(twenty.codePointCount(0, twenty.length())).isEqualTo(20);
        assertThat(twenty.length()).isEqualTo(30);
        assertThat(rulesAt(product(p -> named(p, twenty)), "product.name")).isEmpty();
        assertThat(rulesAt(product(p -> named(p, twenty + "台")), "product.name")).containsExactly("max-length");
    }

    @Test
    void introduction_is_at_most_five_hundred_characters() {
        ApplicationForm ok = product(p -> new Product(p.name(), "字".repeat(499) + "𠀀", p.keyTechnologies(), p.goLiveDate(),
                p.honours(), p.productType(), p.scenarios(), null));
        ApplicationForm tooLong = product(p -> new Product(p.name(), "字".repeat(501), p.keyTechnologies(), p.goLiveDate(),
                p.honours(), p.productType(), p.scenarios(), null));
        assertThat(rulesAt(ok, "product.introduction")).isEmpty();
        assertThat(rulesAt(tooLong, "product.introduction")).containsExactly("max-length");
    }

    @Test
    void every_list_of_the_form_is_bounded_so_that_the_submitted_event_stays_small() {
        List<String> ten = new ArrayList<>();
        for (int i = 0; i < FormRules.MAX_KEY_TECHNOLOGIES; i++) {
            ten.add("技术" + i);
        }
        List<String> eleven = new ArrayList<>(ten);
        eleven.add("再多一项");
        assertThat(rulesAt(product(p -> new Product(p.name(), p.introduction(), ten, p.goLiveDate(), p.honours(), p.productType(),
                p.scenarios(), null)), "product.keyTechnologies")).isEmpty();
        assertThat(rulesAt(product(p -> new Product(p.name(), p.introduction(), eleven, p.goLiveDate(), p.honours(), p.productType(),
                p.scenarios(), null)), "product.keyTechnologies")).containsExactly("max-items");

        // thousands of honours: one violation naming the list, not thousands
        var honour = VALID.product().honours().isEmpty() ? null : VALID.product().honours().get(0);
        List<ApplicationForm.Honour> many = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            many.add(honour);
        }
        FormRules.Result result = check(product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                many, p.productType(), p.scenarios(), null)));
        assertThat(result.violations()).filteredOn(v -> v.field().startsWith("product.honours"))
                .extracting(RuleViolation::field, RuleViolation::rule).containsExactly(org.assertj.core.groups.Tuple.tuple("product.honours", "max-items"));
    }

    @Test
    void a_name_with_the_vendors_name_is_flagged_as_brand_information() {
        assertThat(check(product(p -> named(p, "智信信贷风控平台"))).riskFlags()).contains("product-name-contains-enterprise-name");
        assertThat(check(product(p -> named(p, "北京智信科技有限公司风控"))).riskFlags()).contains("product-name-contains-enterprise-name");
        assertThat(check(VALID).riskFlags()).doesNotContain("product-name-contains-enterprise-name");
    }

    @Test
    void scenarios_need_one_and_other_needs_a_description() {
        assertThat(rulesAt(product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                p.honours(), p.productType(), List.of(), null)), "product.scenarios")).containsExactly("required");
        assertThat(rulesAt(product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                p.honours(), p.productType(), List.of(ApplicationScenario.OTHER), null)), "product.otherScenarioDescription"))
                .containsExactly("required");
        assertThat(rulesAt(product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                p.honours(), p.productType(), List.of(ApplicationScenario.OTHER), "农村金融服务站")), "product.otherScenarioDescription"))
                .isEmpty();
    }

    @Test
    void business_innovation_needs_a_regulatory_exemption() {
        ApplicationForm business = product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                p.honours(), ProductType.BUSINESS_INNOVATION, p.scenarios(), null));
        assertThat(rulesAt(business, "product.productType")).containsExactly("business-innovation-needs-exemption");
        SelfAssessment s = VALID.selfAssessment();
        LegalCompliance l = s.legalCompliance();
        ApplicationForm exempted = new ApplicationForm(business.applicant(), business.contact(), business.participants(),
                business.enterprise(), business.product(), new SelfAssessment(new LegalCompliance(l.scenarioProvidedByMember(),
                true, false, l.rating()), s.financialInnovation(), s.riskControl(), s.afterSalesService()),
                business.operationalEvaluation(), business.supportingMaterials(), business.eligibility(), business.opinion(),
                business.commitment());
        assertThat(rulesAt(exempted, "product.productType")).isEmpty();
    }

    @Test
    void postcode_mobile_phone_and_email_formats() {
        ApplicationForm bad = enterprise(e -> new Enterprise(e.name(), e.uscc(), e.enterpriseType(), e.mailingAddress(), "10008",
                e.contactName(), e.department(), e.title(), "lisi@", "1380013800"));
        assertThat(rulesAt(bad, "enterprise.postcode")).containsExactly("postcode");
        assertThat(rulesAt(bad, "enterprise.mobile")).containsExactly("mobile");
        assertThat(rulesAt(bad, "enterprise.email")).containsExactly("email");
        Contact c = VALID.contact();
        ApplicationForm badPhone = new ApplicationForm(VALID.applicant(), new Contact(c.name(), "86001234", c.department(),
                c.title(), c.email()), VALID.participants(), VALID.enterprise(), VALID.product(), VALID.selfAssessment(),
                VALID.operationalEvaluation(), VALID.supportingMaterials(), VALID.eligibility(), VALID.opinion(), VALID.commitment());
        assertThat(rulesAt(badPhone, "contact.phone")).containsExactly("phone");
    }

    @Test
    void at_least_one_eligibility_basis_with_evidence() {
        ApplicationForm none = new ApplicationForm(VALID.applicant(), VALID.contact(), VALID.participants(), VALID.enterprise(),
                VALID.product(), VALID.selfAssessment(), VALID.operationalEvaluation(), VALID.supportingMaterials(), List.of(),
                VALID.opinion(), VALID.commitment());
        assertThat(rulesAt(none, "eligibility")).containsExactly("required");
        ApplicationForm noEvidence = new ApplicationForm(VALID.applicant(), VALID.contact(), VALID.participants(),
                VALID.enterprise(), VALID.product(), VALID.selfAssessment(), VALID.operationalEvaluation(),
                VALID.supportingMaterials(), List.of(new EligibilityClaim(org.qingdan.contracts.form.EligibilityBasis.OTHER, "", null)),
                VALID.opinion(), VALID.commitment());
        assertThat(rulesAt(noEvidence, "eligibility[0].evidence")).containsExactly("required");
    }

    @Test
    void every_self_assessment_question_answered_and_every_dimension_rated() {
        ApplicationForm unanswered = selfAssessment(new SelfAssessment(new LegalCompliance(true, null, false, null),
                VALID.selfAssessment().financialInnovation(), VALID.selfAssessment().riskControl(),
                new AfterSalesService(true, true, null)));
        assertThat(check(unanswered).violations()).extracting(RuleViolation::field).containsExactlyInAnyOrder(
                "selfAssessment.legalCompliance.regulatoryExemptionOrAttention", "selfAssessment.legalCompliance.rating",
                "selfAssessment.afterSalesService.rating");
    }

    @Test
    void violating_laws_beyond_an_exemption_is_inadmissible_and_a_major_latent_risk_is_flagged() {
        SelfAssessment s = VALID.selfAssessment();
        ApplicationForm violates = selfAssessment(new SelfAssessment(new LegalCompliance(true, false, true,
                s.legalCompliance().rating()), s.financialInnovation(), s.riskControl(), s.afterSalesService()));
        assertThat(check(violates).inadmissible()).isTrue();
        ApplicationForm risky = selfAssessment(new SelfAssessment(s.legalCompliance(), s.financialInnovation(),
                new RiskControl(true, true, true, s.riskControl().rating()), s.afterSalesService()));
        FormRules.Result result = check(risky);
        assertThat(result.violations()).isEmpty();
        assertThat(result.riskFlags()).containsExactly("major-latent-risk");
    }

    @Test
    void every_honour_is_also_among_the_supporting_materials() {
        ApplicationForm missing = product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), p.goLiveDate(),
                List.of(new Honour(org.qingdan.contracts.form.HonourKind.AWARD, "金融科技创新奖", LocalDate.of(2025, 1, 1), "某协会", "m9")),
                p.productType(), p.scenarios(), null));
        assertThat(rulesAt(missing, "product.honours[0].supportingMaterialId")).containsExactly("listed-in-supporting-materials");
    }

    @Test
    void opinion_must_agree_commitment_accepted_and_the_signed_form_attached() {
        ApplicationForm f = new ApplicationForm(VALID.applicant(), VALID.contact(), VALID.participants(), VALID.enterprise(),
                VALID.product(), VALID.selfAssessment(), VALID.operationalEvaluation(), VALID.supportingMaterials(),
                VALID.eligibility(), new Opinion(OpinionDecision.DISAGREE, "王五", TODAY), new Commitment(false, "not-uploaded"));
        FormRules.Result result = check(f);
        assertThat(result.violations()).extracting(RuleViolation::rule)
                .containsExactlyInAnyOrder("opinion-agree", "commitment-accepted", "attachment-exists");
    }

    @Test
    void a_vendor_led_application_needs_a_member_institution_providing_the_scenario_and_its_report() {
        Applicant vendorLead = new Applicant(Forms.VENDOR_NAME, Forms.VENDOR, LeadKind.FINTECH_ENTERPRISE, "北京市海淀区", null, "无");
        ApplicationForm withoutProvider = applicant(vendorLead);
        List<RuleViolation> violations = FormRules.check(withoutProvider, FILES, TODAY, Forms.VENDOR).violations();
        assertThat(violations).extracting(RuleViolation::rule).contains("scenario-provider-required", "issued-by-scenario-provider");

        ApplicationForm withProvider = new ApplicationForm(vendorLead, VALID.contact(),
                List.of(new Participant(Forms.ORG_A_NAME, Forms.ORG_A, "提供应用场景并出具评估报告", true, true)),
                VALID.enterprise(), VALID.product(), VALID.selfAssessment(), VALID.operationalEvaluation(),
                VALID.supportingMaterials(), VALID.eligibility(), VALID.opinion(), VALID.commitment());
        assertThat(FormRules.check(withProvider, FILES, TODAY, Forms.VENDOR).violations()).isEmpty();
    }

    @Test
    void the_applicant_must_be_the_users_own_organisation() {
        assertThat(FormRules.check(VALID, FILES, TODAY, Forms.ORG_B).violations()).extracting(RuleViolation::rule)
                .containsExactly("applicant-is-own-organisation");
    }

    @Test
    void go_live_date_is_not_in_the_future() {
        assertThat(rulesAt(product(p -> new Product(p.name(), p.introduction(), p.keyTechnologies(), TODAY.plusDays(1),
                p.honours(), p.productType(), p.scenarios(), null)), "product.goLiveDate")).containsExactly("not-in-future");
    }
}
