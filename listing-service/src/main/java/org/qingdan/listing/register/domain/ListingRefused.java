package org.qingdan.listing.register.domain;

/** A command on the list that the rules do not allow. */
public class ListingRefused extends RuntimeException {

    public enum Kind { NOT_FOUND, WRONG_STATE, INVALID }

    private final Kind kind;
    private final String field;
    private final String rule;

    public ListingRefused(Kind kind, String field, String rule, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
        this.rule = rule;
    }

    public Kind kind() {
        return kind;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
