package org.qingdan.application.intake.domain;

import java.time.LocalDate;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One requirement the submitted form (申报表) must meet: its name (that of its constant in {@link FormRules}), the
 * article of the measures (Art. 8, Art. 5(4)) or the clause of Annex 1 or 2 (Annex 2 §3(5)1) it enforces, what breaking
 * it means, what it requires in a sentence (the README's table of the form's rules shows it), and the check.
 * {@link FormRules#ALL} composes them in the form's order.
 */
public record FormRule(String name, String enforces, Severity severity, String requires, Check check) {

    /** What breaking a rule means for the submission. */
    public enum Severity {
        /** The form cannot be submitted until it is corrected. */
        REFUSAL,
        /** A ground for 不予受理: the submission is refused as inadmissible. */
        INADMISSIBLE,
        /** No violation: an answer shown to the office in the formal check and to the reviewers. */
        RISK_FLAG
    }

    /**
     * What a rule looks at: the form, the files stored for this application (every reference must point at one), the
     * day in China, and the organisation that owns the application.
     */
    public record Subject(ApplicationForm form, Set<String> attachmentIds, LocalDate today, String ownerUscc) {
    }

    /** A check reports what it finds; it stays silent on a section that is missing (that section's own rule says so). */
    @FunctionalInterface
    interface Check {
        void apply(Subject subject, Findings found);
    }

    static FormRule refusal(String name, String enforces, String requires, Check check) {
        return new FormRule(name, enforces, Severity.REFUSAL, requires, check);
    }

    static FormRule inadmissible(String name, String enforces, String requires, Check check) {
        return new FormRule(name, enforces, Severity.INADMISSIBLE, requires, check);
    }

    /** A rule that raises {@code flag} (the word the office, the reviewers and the events see) when {@code raised}. */
    static FormRule riskFlag(String name, String enforces, String flag, String requires, Predicate<Subject> raised) {
        return new FormRule(name, enforces, Severity.RISK_FLAG, requires + " → `" + flag + "`", (s, found) -> {
            if (raised.test(s)) {
                found.flag(flag);
            }
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
