package org.qingdan.support.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only grows: a development stack moves a service's time past the
 * end of a public notice or a review deadline instead of waiting days. Time never runs backwards, so a
 * state reached at a shifted instant is never followed by an earlier one.
 */
public final class ShiftedClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public ShiftedClock(Clock base) {
        this.base = base;
    }

    /** Moves time forward; refuses to move it back or not at all. */
    public Duration advance(Duration by) {
        if (by == null || by.isNegative() || by.isZero()) {
            throw new IllegalArgumentException("time only moves forward: " + by);
        }
        return offset.updateAndGet(current -> current.plus(by));
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
