package org.qingdan.contracts;

import java.util.List;

/** One topic per producing aggregate, keyed by aggregate id. */
public final class Topics {

    public static final String APPLICATION_EVENTS = "application.events";
    public static final String REVIEW_EVENTS = "review.events";
    /** The public contract: the association website rebuilds the whole list from this topic alone. */
    public static final String LISTING_EVENTS = "listing.events";
    /** Facts of the list that are not public (who objected), for the services of qingdan only. */
    public static final String LISTING_OFFICE_EVENTS = "listing.office.events";

    /** Records that could not be consumed land in {@code <topic>.DLT} with the failure in their headers. */
    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    public static final List<String> ALL = List.of(APPLICATION_EVENTS, REVIEW_EVENTS, LISTING_EVENTS, LISTING_OFFICE_EVENTS);

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    private Topics() {
    }
}
