package org.qingdan.listing.register.domain;

/**
 * Which body acted in a step of a listing's public history (Art. 11, 12: publicised to all members). The public history
 * names the body, never a person: who in the office or the committee acted stays in the office's audit trail.
 */
public enum ActingBody {
    COMMITTEE("金融科技专委会"),
    OFFICE("专委会办公室"),
    MEMBER("会员单位"),
    ENTERPRISE("产品所属企业"),
    LEAD_APPLICANT("牵头申报单位");

    private final String label;

    ActingBody(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The body behind a step: the committee's approval starts the notice; a member lodges an objection (which member stays
     * with the office); the office decides objections, keeps the list and delists; a voluntary withdrawal is the
     * enterprise's own request (Art. 3), whoever records it.
     */
    public static ActingBody of(HistoryEntry entry, Delisting delisting) {
        return switch (entry.type()) {
            case "PUBLIC_NOTICE_STARTED" -> COMMITTEE;
            case "OBJECTION_LODGED" -> MEMBER;
            // the committee decides a re-review: it keeps the product, or its conclusion delists it
            case "RE_REVIEW_KEPT" -> COMMITTEE;
            // the yearly re-confirmation is the lead applicant's own declaration
            case "RECONFIRMED" -> LEAD_APPLICANT;
            case "DELISTED" -> delisting == null ? OFFICE
                    : delisting.reason() == DelistingReason.VOLUNTARY_WITHDRAWAL ? ENTERPRISE
                    : delisting.reReviewId() != null ? COMMITTEE : OFFICE;
            default -> OFFICE;
        };
    }
}
