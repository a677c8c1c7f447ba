package org.qingdan.support.outbox;

import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The one policy for a write that finds its aggregate changed since it was read (the version check failed): read it
 * again and apply the command again. An attempt is the whole read–decide–write, so a retry decides on what is stored
 * now, never on a stale read. After {@link #ATTEMPTS} the conflict goes to the caller: a user gets a 409, a listener's
 * error handler retries the record with back-off. Eight: the most any service allowed before they shared this
 * policy (listing-service, where office commands, events and the notice timer meet on one listing).
 */
public final class ConflictRetry {

    public static final int ATTEMPTS = 8;

    private ConflictRetry() {
    }

    public static <R> R retrying(Supplier<R> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (OptimisticLockingFailureException raced) {
                if (n >= ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }
}
