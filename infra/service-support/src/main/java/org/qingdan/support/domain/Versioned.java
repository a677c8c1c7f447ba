package org.qingdan.support.domain;

/**
 * An aggregate as read: its state, the version a write must match (optimistic locking), and the hash of the request that
 * created it where creation is idempotent (an Idempotency-Key's replay compares it), else null. The one wrapper every
 * store returns, so a service reads {@code state()} and {@code version()} whatever the aggregate.
 */
public record Versioned<T>(T state, long version, String requestHash) {

    public Versioned(T state, long version) {
        this(state, version, null);
    }

    /** The same aggregate after a write of {@code next} at {@code nextVersion}; the creating request stays its own. */
    public Versioned<T> next(T next, long nextVersion) {
        return new Versioned<>(next, nextVersion, requestHash);
    }
}
