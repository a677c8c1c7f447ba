package org.qingdan.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The system clock plus an offset that only grows: a development stack moves a service's time past the
 * end of a public notice or a review deadline instead of waiting days. Time never runs backwards, so a
 * state reached at a shifted instant is never followed by an earlier one; the offset is kept (by
 * {@code saved}) so that a restart does not turn time back either.
 */
public final class ShiftedClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;
    private final Consumer<Duration> saved;

    /** {@code initial}: the offset kept from before; {@code saved}: keeps each new offset. */
    public ShiftedClock(Clock base, Duration initial, Consumer<Duration> saved) {
        if (initial.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + initial);
        }
        this.base = base;
        this.offset = new AtomicReference<>(initial);
        this.saved = saved;
    }

    public ShiftedClock(Clock base) {
        this(base, Duration.ZERO, ignored -> { });
    }

    /** Moves time forward and keeps the new offset; refuses to move it back or not at all. */
    public synchronized Duration advance(Duration by) {
        if (by == null || by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        Duration next = offset.get().plus(by);
        saved.accept(next); // kept first: a failure to keep it leaves time where it was
        offset.set(next);
        return next;
    }

    /**
     * Takes an offset another instance of the service moved to (read from where {@code saved} keeps it), if it
     * is ahead of this one's: several instances of a service share one time. Never moves time back.
     */
    public synchronized void catchUp(Duration kept) {
        if (kept != null && kept.compareTo(offset.get()) > 0) {
            offset.set(kept);
        }
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
