package org.qingdan.support.outbox;

import java.util.function.Supplier;

/** Stands in for service-support's ConflictRetry (test-support does not depend on it), for the rule's fixtures. */
public final class ConflictRetry {

    public static <R> R retrying(Supplier<R> attempt) {
        return attempt.get();
    }
}
