package org.qingdan.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.VersionedStore.Write;
import org.springframework.dao.OptimisticLockingFailureException;

/** The one read–decide–write: decides on what is stored now, writes nothing for nothing, retries a conflict with one policy. */
class VersionedStoreTest {

    /** A store with the version check of AggregateStore; {@code interferences} writes by someone else land between read and write. */
    static final class Counters implements VersionedStore<Integer> {
        final Map<String, Versioned<Integer>> rows = new HashMap<>();
        int interferences;
        int updates;

        @Override
        public Optional<Versioned<Integer>> find(String id) {
            return Optional.ofNullable(rows.get(id));
        }

        @Override
        public long update(Versioned<Integer> read, Integer next, List<? extends DomainEvent> events) {
            if (interferences > 0) {
                interferences--;
                Versioned<Integer> now = rows.get("a");
                rows.put("a", now.next(now.state() + 100, now.version() + 1));
            }
            Versioned<Integer> now = rows.get("a");
            if (now.version() != read.version()) {
                throw new OptimisticLockingFailureException("moved");
            }
            updates++;
            rows.put("a", read.next(next, read.version() + 1));
            return read.version() + 1;
        }
    }

    @Test
    void a_conflict_decides_again_on_what_is_stored_now() {
        Counters store = new Counters();
        store.rows.put("a", new Versioned<>(1, 0, "hash"));
        store.interferences = 2;
        AtomicInteger decisions = new AtomicInteger();

        var written = store.change("a", read -> {
            decisions.incrementAndGet();
            return Write.of(read.state() + 1, List.of());
        }).orElseThrow();

        assertThat(decisions).hasValue(3);
        assertThat(written.changed()).isTrue();
        assertThat(written.after()).isEqualTo(new Versioned<>(202, 3, "hash")); // 1 +100 +100 +1; the request hash kept
        assertThat(written.before()).isEqualTo(new Versioned<>(201, 2, "hash")); // what the last attempt decided on
        assertThat(store.rows.get("a")).isEqualTo(written.after());
    }

    @Test
    void nothing_to_write_writes_nothing_and_returns_what_was_read() {
        Counters store = new Counters();
        store.rows.put("a", new Versioned<>(5, 7));

        var written = store.change("a", read -> Write.unlessUnchanged(read.state(), 5, List.of())).orElseThrow();

        assertThat(written.changed()).isFalse();
        assertThat(written.after()).isEqualTo(new Versioned<>(5, 7));
        assertThat(written.before()).isEqualTo(written.after());
        assertThat(store.updates).isZero();
    }

    @Test
    void an_equal_state_with_events_is_written() {
        assertThat(Write.unlessUnchanged(5, 5, List.of(new Ping())).isNothing()).isFalse();
        assertThat(Write.unlessUnchanged(5, 6, List.of()).isNothing()).isFalse();
        assertThat(Write.unlessUnchanged(5, 5, List.of()).isNothing()).isTrue();
    }

    @Test
    void an_unknown_id_is_empty_and_never_decided() {
        Counters store = new Counters();
        assertThat(store.change("a", read -> {
            throw new AssertionError("decided on nothing");
        })).isEmpty();
    }

    @Test
    void after_the_policy_s_attempts_the_conflict_goes_to_the_caller() {
        Counters store = new Counters();
        store.rows.put("a", new Versioned<>(1, 0));
        store.interferences = ConflictRetry.ATTEMPTS;
        AtomicInteger decisions = new AtomicInteger();

        assertThatThrownBy(() -> store.change("a", read -> {
            decisions.incrementAndGet();
            return Write.of(read.state() + 1, List.of());
        })).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(decisions).hasValue(ConflictRetry.ATTEMPTS);
        assertThat(store.updates).isZero();
    }

    record Ping() implements DomainEvent {
        public java.util.UUID eventId() {
            return java.util.UUID.nameUUIDFromBytes(new byte[] {1});
        }

        public java.time.Instant occurredAt() {
            return java.time.Instant.EPOCH;
        }

        public String aggregateId() {
            return "a";
        }

        public long aggregateVersion() {
            return 1;
        }
    }
}
