package org.qingdan.review.reviewcase.domain;

import java.time.Instant;

/**
 * The office reopened one expert's submitted review for a second look (复核): the answer as it was submitted stays
 * here, with why, by whom and when; the expert's review becomes a draft again.
 */
public record Reopening(String reviewerId, Review earlier, String reason, String reopenedBy, Instant reopenedAt) {
}
