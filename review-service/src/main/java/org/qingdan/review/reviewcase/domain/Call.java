package org.qingdan.review.reviewcase.domain;

/**
 * The call (征集, Art. 11) a case was opened in, as the case keeps it: its title and year for the lists, how many
 * experts review each application. Review-service's own type for what it stores, a copy of the contracts'
 * {@code CallSummary} on purpose (same fields, same stored names); {@code CallAdapter} maps it from the application
 * events and back where ReviewCompleted hands it on. A re-review's case has a call of its own ({@code re-review}).
 */
public record Call(String callId, String title, int year, int publicNoticeDays, int reviewersPerApplication) {
}
