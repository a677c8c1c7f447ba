package org.qingdan.application.portal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.ApplicationForm.*;
import org.qingdan.application.intake.domain.FormRules;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.EligibilityBasis;
import org.qingdan.contracts.form.EnterpriseType;
import org.qingdan.contracts.form.HonourKind;
import org.qingdan.contracts.form.LeadKind;
import org.qingdan.contracts.form.MaterialKind;
import org.qingdan.contracts.form.OpinionDecision;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.contracts.form.Rating;
import org.springframework.util.MultiValueMap;

/**
 * One step of the portal's form as the browser posts it, put into the draft: the step's section is replaced by what
 * was entered, every other section stays as saved. Inputs are named by the form's field paths as the rules name them
 * ({@code applicant.name}, {@code participants[0].uscc}), so a violation leads back to its input. Nothing is judged
 * here but what cannot be read at all (a date that is no date): {@link FormRules} judges the form at submission, as
 * for the API.
 */
final class PortalForm {

    /** Rows offered for the participants (Annex 1 has five lines) and, beyond those entered, for the other lists. */
    static final int PARTICIPANT_ROWS = FormRules.MAX_PARTICIPANTS;
    static final int EXTRA_ROWS = 2;

    /** What was entered and what could not be read (field, message). */
    record Bound(ApplicationForm form, List<Unreadable> unreadable) {
    }

    record Unreadable(String field, String message) {
    }

    private final MultiValueMap<String, String> in;
    private final List<Unreadable> unreadable = new ArrayList<>();

    private PortalForm(MultiValueMap<String, String> in) {
        this.in = in;
    }

    static Bound bind(Step step, ApplicationForm d, MultiValueMap<String, String> params) {
        PortalForm p = new PortalForm(params);
        ApplicationForm f = switch (step) {
            case APPLICANT -> new ApplicationForm(p.applicant(), d.contact(), d.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case CONTACT -> new ApplicationForm(d.applicant(), p.contact(), d.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case PARTICIPANTS -> new ApplicationForm(d.applicant(), d.contact(), p.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case ENTERPRISE -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), p.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case PRODUCT -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), d.enterprise(), p.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case SELF_ASSESSMENT -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), d.enterprise(), d.product(),
                    p.selfAssessment(), d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case EVALUATION -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    p.evaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), d.commitment());
            case MATERIALS -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), p.materials(d.supportingMaterials()), p.eligibility(), d.opinion(), d.commitment());
            case OPINION -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), p.opinion(), d.commitment());
            case COMMITMENT -> new ApplicationForm(d.applicant(), d.contact(), d.participants(), d.enterprise(), d.product(), d.selfAssessment(),
                    d.operationalEvaluation(), d.supportingMaterials(), d.eligibility(), d.opinion(), p.commitment());
        };
        return new Bound(f, List.copyOf(p.unreadable));
    }

    private Applicant applicant() {
        return new Applicant(text("applicant.name"), code("applicant.uscc"), choice("applicant.leadKind", LeadKind::valueOf),
                text("applicant.registeredAddress"), text("applicant.officeAddress"), text("applicant.financialLicenceNumber"));
    }

    private Contact contact() {
        return new Contact(text("contact.name"), text("contact.phone"), text("contact.department"), text("contact.title"),
                text("contact.email"));
    }

    private List<Participant> participants() {
        List<Participant> rows = new ArrayList<>();
        for (int i = 0; i < Math.min(PARTICIPANT_ROWS, rows("participants")); i++) {
            String at = "participants[" + i + "]";
            Participant row = new Participant(text(at + ".name"), code(at + ".uscc"), text(at + ".role"), yesNo(at + ".memberInstitution"),
                    yesNo(at + ".scenarioProvider"));
            if (row.name() != null || row.uscc() != null || row.role() != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private Enterprise enterprise() {
        return new Enterprise(text("enterprise.name"), code("enterprise.uscc"), choice("enterprise.enterpriseType", EnterpriseType::valueOf),
                text("enterprise.mailingAddress"), text("enterprise.postcode"), text("enterprise.contactName"), text("enterprise.department"),
                text("enterprise.title"), text("enterprise.email"), text("enterprise.mobile"));
    }

    private Product product() {
        List<Honour> honours = new ArrayList<>();
        for (int i = 0; i < rows("product.honours"); i++) {
            String at = "product.honours[" + i + "]";
            Honour h = new Honour(choice(at + ".kind", HonourKind::valueOf), text(at + ".name"), date(at + ".date"), text(at + ".issuer"),
                    text(at + ".supportingMaterialId"));
            if (h.name() != null || h.issuer() != null || h.date() != null) {
                honours.add(h);
            }
        }
        String technologies = text("product.keyTechnologies");
        List<String> keyTechnologies = technologies == null ? List.of()
                : Arrays.stream(technologies.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
        List<ApplicationScenario> scenarios = new ArrayList<>();
        for (String s : values("product.scenarios")) {
            ApplicationScenario scenario = parse("product.scenarios", s, ApplicationScenario::valueOf);
            if (scenario != null) {
                scenarios.add(scenario);
            }
        }
        return new Product(text("product.name"), text("product.introduction"), keyTechnologies, date("product.goLiveDate"), honours,
                choice("product.productType", ProductType::valueOf), scenarios,
                scenarios.contains(ApplicationScenario.OTHER) ? text("product.otherScenarioDescription") : null);
    }

    private SelfAssessment selfAssessment() {
        String l = "selfAssessment.legalCompliance.";
        String f = "selfAssessment.financialInnovation.";
        String r = "selfAssessment.riskControl.";
        String a = "selfAssessment.afterSalesService.";
        return new SelfAssessment(
                new LegalCompliance(yesNo(l + "scenarioProvidedByMember"), yesNo(l + "regulatoryExemptionOrAttention"),
                        yesNo(l + "violatesLawsBeyondExemption"), choice(l + "rating", Rating::valueOf)),
                new FinancialInnovation(yesNo(f + "empowersDigitalTransformation"), yesNo(f + "orientedToRealEconomy"),
                        yesNo(f + "listedInXinchuangCatalogue"), yesNo(f + "thirdPartyAdaptationReport"), choice(f + "rating", Rating::valueOf)),
                new RiskControl(yesNo(r + "risksIdentified"), yesNo(r + "majorLatentRisk"), yesNo(r + "preventionAndCompensation"),
                        choice(r + "rating", Rating::valueOf)),
                new AfterSalesService(yesNo(a + "effectiveComplaintMechanism"), yesNo(a + "afterSalesAgreementSigned"),
                        choice(a + "rating", Rating::valueOf)));
    }

    private OperationalEvaluation evaluation() {
        String e = "operationalEvaluation.";
        return new OperationalEvaluation(text(e + "issuerName"), code(e + "issuerUscc"), text(e + "technicalSecurityAndInnovation"),
                text(e + "businessCompliance"), text(e + "riskControl"), text(e + "painPointsSolved"), text(e + "effectAchieved"),
                text(e + "vendorServiceQuality"), text(e + "reportAttachmentId"));
    }

    /**
     * The supporting materials. Each line keeps the id it was given (the honours of section 5 point at it); a new line
     * gets the next free {@code m<n>}.
     */
    private List<SupportingMaterial> materials(List<SupportingMaterial> before) {
        List<SupportingMaterial> rows = new ArrayList<>();
        int next = before.stream().map(SupportingMaterial::id).filter(id -> id != null && id.matches("m\\d{1,6}"))
                .mapToInt(id -> Integer.parseInt(id.substring(1))).max().orElse(0) + 1;
        for (int i = 0; i < rows("supportingMaterials"); i++) {
            String at = "supportingMaterials[" + i + "]";
            MaterialKind kind = choice(at + ".kind", MaterialKind::valueOf);
            String title = text(at + ".title");
            String file = text(at + ".attachmentId");
            if (title == null && file == null) {
                continue;
            }
            String id = text(at + ".id");
            rows.add(new SupportingMaterial(id != null ? id : "m" + next++, kind, title, file));
        }
        return rows;
    }

    private List<EligibilityClaim> eligibility() {
        List<EligibilityClaim> claims = new ArrayList<>();
        for (int i = 0; i < rows("eligibility"); i++) {
            String at = "eligibility[" + i + "]";
            EligibilityClaim claim = new EligibilityClaim(choice(at + ".basis", EligibilityBasis::valueOf), text(at + ".evidence"),
                    text(at + ".attachmentId"));
            if (claim.basis() != null || claim.evidence() != null) {
                claims.add(claim);
            }
        }
        return claims;
    }

    private Opinion opinion() {
        return new Opinion(choice("opinion.decision", OpinionDecision::valueOf), text("opinion.signatory"), date("opinion.date"));
    }

    private Commitment commitment() {
        return new Commitment("true".equals(in.getFirst("commitment.accepted")), text("commitment.signedFormAttachmentId"));
    }

    // --- reading one input ---

    /** How many rows of a list the page offered (it says so in {@code <list>.rows}); at most 60. */
    private int rows(String list) {
        String n = in.getFirst(list + ".rows");
        try {
            return n == null ? 0 : Math.max(0, Math.min(60, Integer.parseInt(n.trim())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private List<String> values(String name) {
        List<String> v = in.get(name);
        return v == null ? List.of() : v;
    }

    /** The text as typed, line breaks kept, surrounding blanks dropped; null when empty. */
    private String text(String name) {
        String v = in.getFirst(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** A credit code: capitals, no blanks inside (as people copy it from a licence). */
    private String code(String name) {
        String v = text(name);
        return v == null ? null : v.replaceAll("\\s+", "").toUpperCase(java.util.Locale.ROOT);
    }

    private Boolean yesNo(String name) {
        String v = text(name);
        return v == null ? null : Boolean.valueOf(v);
    }

    private <T> T choice(String name, Function<String, T> parse) {
        String v = text(name);
        return v == null ? null : parse(name, v, parse);
    }

    private <T> T parse(String name, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            unreadable.add(new Unreadable(name, "选项无效"));
            return null;
        }
    }

    private LocalDate date(String name) {
        String v = text(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v.replace('/', '-'));
        } catch (DateTimeParseException e) {
            unreadable.add(new Unreadable(name, "日期格式应为 年-月-日，如 2024-03-01"));
            return null;
        }
    }
}
