package org.qingdan.review.reviewcase.events;

import org.qingdan.contracts.form.CallSummary;
import org.qingdan.review.reviewcase.domain.Call;

/**
 * A case's call to and from the contracts' {@code CallSummary}: from it where an application is accepted, back to it
 * where ReviewCompleted hands the call on. Field for field; {@code CallAdapterTest} keeps both ways lossless.
 */
public final class CallAdapter {

    public static Call toDomain(CallSummary c) {
        return c == null ? null : new Call(c.callId(), c.title(), c.year(), c.publicNoticeDays(), c.reviewersPerApplication());
    }

    public static CallSummary toContract(Call c) {
        return c == null ? null : new CallSummary(c.callId(), c.title(), c.year(), c.publicNoticeDays(), c.reviewersPerApplication());
    }

    private CallAdapter() {
    }
}
