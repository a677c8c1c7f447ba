package org.qingdan.application.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One submitted version of the form; versions are never changed afterwards and stay readable. {@code filingDate}
 * (填报日期, Annex 1) is set by the system when the version is submitted, in China time; versions submitted before it
 * was recorded have none.
 */
public record SubmittedVersion(int number, ApplicationForm form, Instant submittedAt, Actor submittedBy,
                               List<String> riskFlags, LocalDate filingDate) {
}
