package org.qingdan.listing.register;

/**
 * What else follows a re-review's conclusion in this service (the report it came from), told after the listing has
 * applied it, and again on every redelivery: a follower must be idempotent.
 */
public interface ReReviewFollowers {

    /** {@code reasons}: the committee's. */
    void concluded(String reReviewId, boolean kept, java.util.List<String> reasons);
}
