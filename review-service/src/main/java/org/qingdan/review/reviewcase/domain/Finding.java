package org.qingdan.review.reviewcase.domain;


/**
 * What one submitted review found that bars an approval (Art. 5 不得纳入): a situation of Art. 5, or the declared
 * Art. 4 basis not confirmed. The committee sees every finding; while one stands, it may reject, or the office may
 * reopen that expert's review for a second look.
 */
public record Finding(String reviewerId, String reviewerName, Kind kind, ExclusionGround ground, String commentsForCommittee) {

    public enum Kind {
        /** The expert found an Art. 5 situation. */
        EXCLUSION("art5-exclusion"),
        /** The expert did not confirm the Art. 4 basis the application declares. */
        ELIGIBILITY_NOT_CONFIRMED("art4-eligibility-not-confirmed");

        private final String rule;

        Kind(String rule) {
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    /** The field of the review that holds the finding, e.g. {@code reviews[r1].exclusionsFound.FRAUD}. */
    public String field() {
        return "reviews[" + reviewerId + "]." + (kind == Kind.EXCLUSION ? "exclusionsFound." + ground.name() : "eligibilityConfirmed");
    }

    public String rule() {
        return kind.rule();
    }

    /** In Chinese, as the committee reads it. */
    public String label() {
        return kind == Kind.EXCLUSION ? "第五条情形：" + ground.label() : "未确认第四条认定条件";
    }

    public String message() {
        return "专家 " + reviewerName + " 认为" + (kind == Kind.EXCLUSION ? "存在" + label() : "申报的认定条件（第四条）不成立");
    }
}
