package org.qingdan.review.reviewcase.domain;

import java.util.List;
import org.qingdan.support.domain.Refusal;

/**
 * A command on a case the rules do not allow, with the field-level reasons. A {@link Refusal} (answered as every
 * refusal is) kept by its name and reasons so that the rules of a review read in the review's words.
 */
public class ReviewRefused extends Refusal {

    public enum Reason {
        INVALID(new Category(Kind.INVALID, "validation", "内容不符合要求")),
        WRONG_STATE(Refusal.WRONG_STATE),
        NOT_ASSIGNED(new Category(Kind.FORBIDDEN, "not-assigned", "未分配")),
        CONFLICT_OF_INTEREST(new Category(Kind.INVALID, "conflict-of-interest", "须回避")),
        NO_CANDIDATES(new Category(Kind.CONFLICT, "no-candidates", "可分配专家不足")),
        APPROVAL_BARRED(new Category(Kind.CONFLICT, "approval-barred", "不得纳入清单（第五条）"));

        private final Category category;

        Reason(Category category) {
            this.category = category;
        }
    }

    /** One broken rule. */
    public record Problem(String field, String rule, String message) {
    }

    private final Reason reason;
    private final List<Problem> problems;

    public ReviewRefused(Reason reason, String message, List<Problem> problems) {
        super(reason.category, message, null, null,
                problems.stream().map(p -> new Violation(p.field(), p.rule(), p.message())).toList());
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    public ReviewRefused(Reason reason, String message) {
        this(reason, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem> problems() {
        return problems;
    }
}
