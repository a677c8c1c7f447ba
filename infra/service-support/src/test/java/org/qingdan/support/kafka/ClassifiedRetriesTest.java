package org.qingdan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOffExecution;

/** How long each class of failure is retried, with the defaults every service runs with. */
class ClassifiedRetriesTest {

    private static final ch.qos.logback.classic.Logger LOG =
            (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ClassifiedRetries.class);

    // a day of retries is thousands of WARN lines: not in the build's output
    @org.junit.jupiter.api.BeforeAll
    static void quiet() {
        LOG.setLevel(ch.qos.logback.classic.Level.ERROR);
    }

    @org.junit.jupiter.api.AfterAll
    static void loud() {
        LOG.setLevel(null);
    }

    private final KafkaSupportProperties defaults = new KafkaSupportProperties();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ClassifiedRetries retries = new ClassifiedRetries(defaults, meters);
    private final ConsumerRecord<String, String> record = new ConsumerRecord<>("application.events", 1, 42L, "app-1", "{}");

    @Test
    void a_transient_failure_is_retried_without_end_doubling_from_200_ms_to_a_cap_of_30_s() {
        BackOffExecution execution = retries.apply(record, failure(new DataAccessResourceFailureException("Timed out while waiting for a server",
                new MongoTimeoutException("Timed out while waiting for a server")))).start();
        List<Long> delays = new ArrayList<>();
        long waited = 0;
        // a day of outage, and then some
        while (waited < Duration.ofDays(1).toMillis()) {
            long delay = execution.nextBackOff();
            assertThat(delay).isNotEqualTo(BackOffExecution.STOP);
            delays.add(delay);
            waited += delay;
        }
        assertThat(delays.subList(0, 10)).containsExactly(200L, 400L, 800L, 1600L, 3200L, 6400L, 12800L, 25600L, 30000L, 30000L);
        assertThat(delays).allMatch(d -> d <= 30_000);
        // every retry counted, with what failed
        assertThat(meters.get(ClassifiedRetries.RETRIES).tag("topic", "application.events").tag("kind", "transient")
                .tag("exception", "DataAccessResourceFailureException").counter().count()).isEqualTo(delays.size());
    }

    @Test
    void two_minutes_of_outage_are_eleven_attempts_at_the_defaults_where_the_old_handler_gave_up_after_four() {
        BackOffExecution execution = retries.apply(record, failure(new MongoTimeoutException("Timed out"))).start();
        long startOfAttempt = 0;
        int attempts = 1;
        for (long delay = execution.nextBackOff(); startOfAttempt + delay < Duration.ofMinutes(2).toMillis(); delay = execution.nextBackOff()) {
            startOfAttempt += delay;
            attempts++;
        }
        assertThat(attempts).isEqualTo(11);
        assertThat(startOfAttempt).isEqualTo(111_000); // the last attempt of the two minutes; the next one comes 30 s later
    }

    @Test
    void an_unknown_failure_is_retried_max_retries_times_then_dead_lettered() {
        BackOffExecution execution = retries.apply(record, failure(new IllegalStateException("a bug"))).start();
        assertThat(execution.nextBackOff()).isEqualTo(200);
        assertThat(execution.nextBackOff()).isEqualTo(400);
        assertThat(execution.nextBackOff()).isEqualTo(800);
        assertThat(execution.nextBackOff()).isEqualTo(BackOffExecution.STOP);
        assertThat(meters.get(ClassifiedRetries.RETRIES).tag("kind", "unknown").counter().count()).isEqualTo(3);
    }

    @Test
    void a_permanent_failure_is_not_retried_and_not_counted_as_a_retry() {
        assertThat(retries.apply(record, failure(new IllegalArgumentException("refused"))).start().nextBackOff())
                .isEqualTo(BackOffExecution.STOP);
        assertThat(retries.apply(record, new DeserializationException("unreadable", new byte[0], false, new RuntimeException()))
                .start().nextBackOff()).isEqualTo(BackOffExecution.STOP);
        assertThat(meters.find(ClassifiedRetries.RETRIES).counters()).isEmpty();
    }

    @Test
    void the_default_back_off_of_the_handler_never_stops_by_itself() {
        BackOffExecution execution = retries.transientBackOff().start();
        for (int i = 0; i < 100_000; i++) {
            assertThat(execution.nextBackOff()).isNotEqualTo(BackOffExecution.STOP);
        }
    }

    private static Exception failure(Exception e) {
        return new ListenerExecutionFailedException("Listener method threw", e);
    }
}
