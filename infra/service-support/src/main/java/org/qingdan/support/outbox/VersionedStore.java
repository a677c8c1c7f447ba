package org.qingdan.support.outbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.domain.Versioned;

/**
 * A store of one kind of aggregate, each saved with its events in one document ({@link AggregateStore}). Every change an
 * aggregate undergoes goes through {@link #change}: the one read–decide–write of the system.
 */
public interface VersionedStore<T> {

    Optional<Versioned<T>> find(String id);

    /**
     * Saves {@code next} against the version {@code read} was read at, appending {@code events} to its outbox; returns the
     * new version. Throws OptimisticLockingFailureException when the aggregate changed since.
     */
    long update(Versioned<T> read, T next, List<? extends DomainEvent> events);

    /**
     * Reads the aggregate, lets {@code decide} say what to write, and writes it guarded by the version read; when someone
     * else wrote in between, does all of it again on what is stored now ({@link ConflictRetry}, the one policy). Empty when
     * no aggregate has this id.
     */
    default Optional<Written<T>> change(String id, Function<Versioned<T>, Write<T>> decide) {
        return ConflictRetry.retrying(() -> find(id).map(read -> {
            Write<T> write = decide.apply(read);
            if (write.isNothing()) {
                return new Written<>(read, read);
            }
            long version = update(read, write.next(), write.events());
            return new Written<>(read, read.next(write.next(), version));
        }));
    }

    /** What a command decided to write: the next state and the events it raised, or nothing. */
    record Write<T>(T next, List<? extends DomainEvent> events) {

        private static final Write<?> NOTHING = new Write<>(null, List.of());

        public Write {
            events = List.copyOf(events);
        }

        public static <T> Write<T> of(T next, List<? extends DomainEvent> events) {
            return new Write<>(Objects.requireNonNull(next, "next"), events);
        }

        @SuppressWarnings("unchecked")
        public static <T> Write<T> nothing() {
            return (Write<T>) NOTHING;
        }

        /**
         * The rule for "nothing changed": a command that leaves the state equal and raises no event writes nothing (a
         * repeated command or a redelivered event), so it neither bumps the version nor wakes the relay.
         */
        public static <T> Write<T> unlessUnchanged(T before, T next, List<? extends DomainEvent> events) {
            return events.isEmpty() && Objects.equals(before, next) ? nothing() : of(next, events);
        }

        public boolean isNothing() {
            return next == null;
        }
    }

    /** What {@link #change} did: the aggregate as the command found it and as it is now (the same when nothing was written). */
    record Written<T>(Versioned<T> before, Versioned<T> after) {

        public boolean changed() {
            return after.version() != before.version();
        }

        public T state() {
            return after.state();
        }
    }
}
