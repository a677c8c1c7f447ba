package org.qingdan.review.reviewcase.domain;

/** A call that has cases, as the list's filter names it: its id, title and year. */
public record CallRef(String callId, String title, int year) {
}
