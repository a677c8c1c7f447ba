package org.qingdan.listing.register.domain;

import java.util.List;
import org.qingdan.support.domain.Refusal;

/**
 * A command on the list that the rules do not allow, naming the rule and, when the content is to blame, the field.
 * A {@link Refusal} (answered as every refusal is) kept by its name and reasons so that the list's rules read in
 * the list's words.
 */
public class ListingRefused extends Refusal {

    public enum Reason {
        NOT_FOUND(new Category(Kind.NOT_FOUND, null, null)),
        WRONG_STATE(Refusal.WRONG_STATE),
        INVALID(new Category(Kind.INVALID, null, null));

        private final Category category;

        Reason(Category category) {
            this.category = category;
        }
    }

    private final Reason reason;

    public ListingRefused(Reason reason, String field, String rule, String message) {
        super(reason.category, message, field, rule, List.of());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
