package org.qingdan.application.application.domain;

import java.time.Instant;
import java.util.List;

/** One submitted version of the form; versions are never changed afterwards and stay readable. */
public record SubmittedVersion(int number, ApplicationForm form, Instant submittedAt, Actor submittedBy,
                               List<String> riskFlags) {
}
