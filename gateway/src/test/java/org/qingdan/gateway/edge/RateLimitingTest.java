package org.qingdan.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The buckets live in an expiring, bounded cache: the map no longer grows with every address ever seen. */
class RateLimitingTest {

    private final AtomicLong nanos = new AtomicLong(Duration.ofHours(1).toNanos());
    private final Ticker ticker = nanos::get;

    @Test
    void an_idle_bucket_is_forgotten_after_a_minute_when_it_would_be_full_again() {
        RateLimiting limits = new RateLimiting(2, 10, 1_000, new ClientAddress("(?!)"), ticker);
        assertThat(limits.take("ip:a", 2)).isZero();
        assertThat(limits.take("ip:a", 2)).isZero();
        assertThat(limits.take("ip:a", 2)).as("over the quota: wait").isPositive();
        limits.take("ip:b", 2);
        assertThat(limits.buckets()).isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(30).toNanos());
        limits.take("ip:b", 2);
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(limits.buckets()).as("a idle for 61 s, b for 31 s").isEqualTo(1);
        // a was limited a minute ago; a new bucket is as full as the old one would have become
        assertThat(limits.take("ip:a", 2)).isZero();
    }

    @Test
    void the_number_of_buckets_is_bounded() {
        RateLimiting limits = new RateLimiting(600, 1200, 100, new ClientAddress("(?!)"), ticker);
        for (int i = 0; i < 10_000; i++) {
            limits.take("ip:198.51." + (i / 256) + "." + (i % 256), 600);
        }
        assertThat(limits.buckets()).isLessThanOrEqualTo(100);
    }
}
