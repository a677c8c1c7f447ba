package org.qingdan.application.portal;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The ten sections of Annex 1, one step of the portal's guided form each, in the form's order; the Art. 4 basis
 * (认定条件) is asked with the supporting materials it usually points at. {@code fields}: the prefixes of the form's
 * field paths (as the rules name them) each step enters.
 */
public enum Step {
    APPLICANT(1, "form.applicant", "applicant"),
    CONTACT(2, "form.contact", "contact"),
    PARTICIPANTS(3, "form.participants", "participants"),
    ENTERPRISE(4, "form.enterprise", "enterprise"),
    PRODUCT(5, "form.product", "product"),
    SELF_ASSESSMENT(6, "form.selfAssessment", "selfAssessment"),
    EVALUATION(7, "form.evaluation", "operationalEvaluation"),
    MATERIALS(8, "form.materials", "supportingMaterials", "eligibility"),
    OPINION(9, "form.opinion", "opinion"),
    COMMITMENT(10, "form.commitment", "commitment");

    public static final int LAST = 10;

    private final int number;
    private final String title;
    private final List<String> fields;

    Step(int number, String title, String... fields) {
        this.number = number;
        this.title = title;
        this.fields = List.of(fields);
    }

    public int number() {
        return number;
    }

    /** The message key of the section's heading (一、申报机构基本信息 …). */
    public String title() {
        return title;
    }

    public static Optional<Step> of(int number) {
        return Arrays.stream(values()).filter(s -> s.number == number).findFirst();
    }

    /** The step a field of the form (as the rules name it, e.g. {@code participants[0].uscc}) is entered in. */
    public static Optional<Step> ofField(String field) {
        return Arrays.stream(values()).filter(s -> s.fields.stream().anyMatch(f -> field.equals(f) || field.startsWith(f + ".")
                || field.startsWith(f + "["))).findFirst();
    }
}
