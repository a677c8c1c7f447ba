package org.qingdan.review.reviewcase.domain;

import java.util.List;

/** A command on a case the rules do not allow, with the field-level reasons. */
public class ReviewRefused extends RuntimeException {

    public enum Kind { INVALID, WRONG_STATE, NOT_ASSIGNED, CONFLICT_OF_INTEREST, NO_CANDIDATES, APPROVAL_BARRED }

    /** One broken rule. */
    public record Problem(String field, String rule, String message) {
    }

    private final Kind kind;
    private final List<Problem> problems;

    public ReviewRefused(Kind kind, String message, List<Problem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public ReviewRefused(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public Kind kind() {
        return kind;
    }

    public List<Problem> problems() {
        return problems;
    }
}
