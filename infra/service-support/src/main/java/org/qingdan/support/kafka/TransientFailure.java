package org.qingdan.support.kafka;

/**
 * Thrown by a listener when something it needs is failing for now and will work again, for failures the
 * {@link FailureClassifier} cannot recognise by their own type: a downstream service called with
 * {@code java.net.http.HttpClient} that answered 5xx, a dependency that reports itself unavailable. The
 * record is retried with capped exponential back-off until it succeeds, and its partition waits.
 */
public class TransientFailure extends RuntimeException {

    public TransientFailure(String message) {
        super(message);
    }

    public TransientFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
