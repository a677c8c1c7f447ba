package org.qingdan.support.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShiftedClockTest {

    final Clock base = Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void it_goes_on_from_the_kept_offset_and_keeps_each_new_one_before_using_it() {
        List<Duration> kept = new ArrayList<>();
        ShiftedClock clock = new ShiftedClock(base, Duration.ofDays(8), kept::add);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        clock.advance(Duration.ofHours(2));
        assertThat(kept).containsExactly(Duration.ofDays(8).plusHours(2));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-06T02:00:00Z"));
    }

    @Test
    void time_never_runs_back_and_a_failure_to_keep_the_offset_leaves_it_where_it_was() {
        ShiftedClock clock = new ShiftedClock(base, Duration.ZERO, offset -> {
            throw new IllegalStateException("database down");
        });
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(1))).hasMessageContaining("database down");
        assertThat(clock.offset()).isZero();
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ShiftedClock(base, Duration.ofDays(-1), o -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void it_catches_up_with_an_offset_another_instance_moved_to_but_never_goes_back() {
        List<Duration> kept = new ArrayList<>();
        ShiftedClock clock = new ShiftedClock(base, Duration.ofDays(1), kept::add);
        clock.catchUp(Duration.ofDays(8));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z"));
        clock.catchUp(Duration.ofDays(2));
        clock.catchUp(null);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(8));
        assertThat(kept).as("what another instance kept is not kept again").isEmpty();
    }
}
