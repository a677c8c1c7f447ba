package org.qingdan.listing.register.domain;

/** A listing's public state (DOMAIN.md §5), with the labels the public sees. */
public enum ListingStatus {
    PUBLIC_NOTICE("公示中"),
    LISTED("已纳入清单"),
    NOT_LISTED("异议成立，未纳入"),
    DELISTED("已移出清单");

    private final String label;

    ListingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Entries of an edition: what is publicly on notice or on the list right now. */
    public boolean inEdition() {
        return this == PUBLIC_NOTICE || this == LISTED;
    }
}
