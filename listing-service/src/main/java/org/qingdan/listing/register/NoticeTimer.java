package org.qingdan.listing.register;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.qingdan.listing.register.persistence.ListingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends a public notice when it is due rather than at the next poll: it knows the earliest notice end (told by
 * this instance when a notice starts, and read from the {@code notice_end} index after each round and every
 * {@link #REFRESH}: the earliest end still ahead), waits for it on a thread of its own and then runs the {@link NoticeSchedule}'s round (the
 * same lease, the same idempotent transition). It looks at the clock every {@link #SLICE}, in memory, so that a
 * development clock moved forward ends the notice within a fraction of a second too. The schedule's poll stays as
 * the fallback for what this instance does not know or cannot do at once: a notice another instance started and
 * then died, one held back by an open objection (listed when the objection is decided and the poll comes).
 */
@Component
public class NoticeTimer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NoticeTimer.class);
    static final Duration SLICE = Duration.ofMillis(200);
    static final Duration REFRESH = Duration.ofSeconds(30);
    /** How long to wait after a round another instance held the lease for. */
    static final Duration LEASE_ELSEWHERE = Duration.ofSeconds(1);

    private final BooleanSupplier round;
    private final java.util.function.Function<Instant, Optional<Instant>> nextEnd;
    private final Clock clock;
    private final AtomicReference<Instant> next = new AtomicReference<>();
    private volatile Thread thread;
    private volatile boolean running;

    @Autowired
    public NoticeTimer(NoticeSchedule schedule, ListingStore listings, Clock clock) {
        this(schedule::runOnce, listings::nextNoticeEnd, clock);
    }

    NoticeTimer(BooleanSupplier round, java.util.function.Function<Instant, Optional<Instant>> nextEnd, Clock clock) {
        this.round = round;
        this.nextEnd = nextEnd;
        this.clock = clock;
    }

    /** A notice that ends at {@code endsAt} started on this instance. */
    public void expect(Instant endsAt) {
        next.accumulateAndGet(endsAt, NoticeTimer::earlier);
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void loop() {
        Instant refreshed = Instant.MIN;
        while (running) {
            try {
                if (Instant.now().isAfter(refreshed.plus(REFRESH))) {
                    nextEnd.apply(clock.instant()).ifPresent(this::expect);
                    refreshed = Instant.now();
                }
                Instant due = next.get();
                if (due != null && !clock.instant().isBefore(due)) {
                    next.compareAndSet(due, null);
                    boolean ran = round.getAsBoolean();
                    nextEnd.apply(clock.instant()).ifPresent(this::expect);
                    refreshed = Instant.now();
                    if (!ran) {
                        LockSupport.parkNanos(LEASE_ELSEWHERE.toNanos()); // another instance is at it
                    }
                    continue;
                }
                LockSupport.parkNanos(SLICE.toNanos());
            } catch (RuntimeException e) {
                // MongoDB away or the like: the fallback poll and the next refresh carry on
                log.warn("Notice timer round failed ({}); trying again shortly", e.toString());
                LockSupport.parkNanos(LEASE_ELSEWHERE.toNanos());
            }
        }
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "notice-timer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
