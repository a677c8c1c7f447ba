package org.qingdan.contracts.form;

/** The call (征集, Art. 11) an application was submitted into, as far as other services need it. */
public record CallSummary(
        String callId,
        String title,
        int year,
        int publicNoticeDays,
        int reviewersPerApplication) {
}
