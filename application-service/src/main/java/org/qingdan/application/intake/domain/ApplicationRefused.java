package org.qingdan.application.intake.domain;

import java.util.List;
import org.qingdan.support.domain.Refusal;

/**
 * A command the rules do not allow; {@code reason} tells which rule of an application refused it. A {@link Refusal}
 * (answered as every refusal is) kept by its name and reasons so that the application's rules read in their words,
 * and the portal can tell a form to correct from a state to wait for.
 */
public class ApplicationRefused extends Refusal {

    public enum Reason {
        INVALID(new Category(Kind.INVALID, "validation", "申报内容不符合要求")),
        INADMISSIBLE(new Category(Kind.INVALID, "inadmissible", "不予受理")),
        WRONG_STATE(Refusal.WRONG_STATE),
        CALL_NOT_OPEN(new Category(Kind.CONFLICT, "call-not-open", "征集未开放")),
        /**
         * Some participant has not confirmed its current role (Art. 8): each is named in the violations. A state of
         * the application to be reached (the participants' answers), not a fault of the request.
         */
        PARTICIPANTS_UNCONFIRMED(new Category(Kind.CONFLICT, "participants-unconfirmed", "参与机构尚未全部确认")),
        /** The participant answered for a role the lead has changed meanwhile. */
        ROLE_CHANGED(new Category(Kind.CONFLICT, "participant-role-changed", "分工已变更")),
        /** The user's organisation is not a participant of this application. */
        NOT_PARTICIPANT(new Category(Kind.NOT_FOUND, "not-found", "申报不存在"));

        private final Category category;

        Reason(Category category) {
            this.category = category;
        }

        /** The kind, type and title this reason is answered with. */
        public Category category() {
            return category;
        }
    }

    private final Reason reason;
    private final List<RuleViolation> ruleViolations;

    public ApplicationRefused(Reason reason, String message, List<RuleViolation> violations) {
        super(reason.category, message, null, null,
                violations.stream().map(v -> new Violation(v.field(), v.rule(), v.message())).toList());
        this.reason = reason;
        this.ruleViolations = List.copyOf(violations);
    }

    public ApplicationRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** The violations as the form's rules state them (the portal links each to its input). */
    public List<RuleViolation> ruleViolations() {
        return ruleViolations;
    }
}
