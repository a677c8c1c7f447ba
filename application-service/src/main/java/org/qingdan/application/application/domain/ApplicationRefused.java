package org.qingdan.application.application.domain;

import java.util.List;

/** A command the rules do not allow; {@code kind} tells the web layer which answer fits. */
public class ApplicationRefused extends RuntimeException {

    public enum Kind {
        INVALID, INADMISSIBLE, WRONG_STATE, CALL_NOT_OPEN,
        /** Some participant has not confirmed its current role (Art. 8): each is named in the violations. */
        PARTICIPANTS_UNCONFIRMED,
        /** The participant answered for a role the lead has changed meanwhile. */
        ROLE_CHANGED,
        /** The user's organisation is not a participant of this application. */
        NOT_PARTICIPANT
    }

    private final Kind kind;
    private final List<RuleViolation> violations;

    public ApplicationRefused(Kind kind, String message, List<RuleViolation> violations) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public ApplicationRefused(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
