package org.qingdan.listing.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.MutableClock;

/** The notice's end fires the round when it is due, not at the next poll; nothing fires before. */
class NoticeTimerTest {

    static final Instant T = Instant.parse("2026-12-02T08:00:00Z");

    final MutableClock clock = new MutableClock(T);
    final AtomicInteger rounds = new AtomicInteger();
    /** The notice ends still running, as the index would answer. */
    final ConcurrentSkipListSet<Instant> ends = new ConcurrentSkipListSet<>();
    final AtomicInteger lookups = new AtomicInteger();
    NoticeTimer timer;

    @AfterEach
    void stop() {
        timer.stop();
    }

    private void start() {
        timer = new NoticeTimer(() -> {
            rounds.incrementAndGet();
            ends.removeIf(end -> !end.isAfter(clock.instant())); // the round lists what is due
            return true;
        }, after -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(ends.higher(after));
        }, clock);
        timer.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> lookups.get() > 0); // it asked the index once
    }

    @Test
    void a_notice_started_here_ends_when_it_is_due_and_not_before() {
        start();
        Instant end = T.plus(Duration.ofDays(7));
        ends.add(end);
        timer.expect(end);
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 0);

        clock.advance(Duration.ofDays(7));

        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        assertThat(ends).isEmpty();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(2)).until(() -> rounds.get() == 1);
    }

    @Test
    void the_index_tells_of_notices_started_elsewhere_and_each_end_fires_in_turn() {
        ends.add(T.plus(Duration.ofDays(1)));
        ends.add(T.plus(Duration.ofDays(2)));
        start(); // learns the first end from the index, the second after the first round

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        assertThat(ends).containsExactly(T.plus(Duration.ofDays(2)));

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
        assertThat(ends).isEmpty();
    }

    @Test
    void a_round_that_fails_is_not_the_end_of_the_timer() {
        AtomicInteger failures = new AtomicInteger();
        timer = new NoticeTimer(() -> {
            if (failures.getAndIncrement() == 0) {
                throw new IllegalStateException("MongoDB away");
            }
            rounds.incrementAndGet();
            return true;
        }, after -> Optional.empty(), clock);
        timer.start();
        timer.expect(T);
        await().atMost(Duration.ofSeconds(5)).until(() -> failures.get() == 1);
        timer.expect(T.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
    }
}
