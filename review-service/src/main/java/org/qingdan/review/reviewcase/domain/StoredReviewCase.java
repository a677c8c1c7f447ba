package org.qingdan.review.reviewcase.domain;

/** A review case as stored: with the version a change must match. */
public record StoredReviewCase(ReviewCase reviewCase, long version) {
}
