package org.qingdan.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.support.kafka.FailureClassifier.Classification;
import org.qingdan.support.kafka.FailureClassifier.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The back-off of a failed record by the class of its failure ({@link FailureClassifier}), for
 * {@code DefaultErrorHandler.setBackOffFunction}:
 * <ul>
 * <li>transient: exponential from {@code transient-initial-back-off}, doubling, capped at
 * {@code transient-max-back-off}, with no limit of attempts or time. The retry blocks the partition, which is
 * what keeps the events of one aggregate in order. The consumer thread sleeps the back-off and then polls
 * again, so the consumer stays in its group however long the outage lasts as long as one back-off and one
 * failed attempt fit in {@code max.poll.interval.ms} (checked at start).</li>
 * <li>permanent: none; the record goes to the dead-letter topic at once.</li>
 * <li>unknown: {@code max-retries} retries from {@code initial-back-off} to {@code max-back-off}, then the
 * dead-letter topic. We cannot tell a bug from a failure we have not classified yet; blocking a partition
 * for good on a bug would stop every later event of that partition, while a dead letter keeps the record,
 * says so (ERROR log, {@code qingdan.kafka.dead-lettered}) and can be replayed once the bug is fixed. The
 * few retries absorb a one-off glitch.</li>
 * </ul>
 * Every retry is announced when it is decided: a WARN line naming the record, how many times in a row it
 * has failed, the failure, its class and the delay, and one increment of {@code qingdan.kafka.retries}
 * tagged with topic, exception and kind.
 * <p>
 * Spring Kafka starts a new back-off when the exception's class changes on the same record (for example
 * from a socket error to a server-selection timeout): the transient delay then starts again from its first
 * step, and an unknown failure gets its retries again. Neither loses or dead-letters anything.
 */
final class ClassifiedRetries implements BiFunction<ConsumerRecord<?, ?>, Exception, BackOff> {

    static final String RETRIES = "qingdan.kafka.retries";
    private static final Logger log = LoggerFactory.getLogger(ClassifiedRetries.class);
    private static final BackOff NONE = new FixedBackOff(0, 0);

    private final BackOff transientBackOff;
    private final BackOff unknownBackOff;
    private final int maxRetries;
    private final MeterRegistry meters;
    /** Per partition: the offset of the record that last failed there, and how many times in a row it failed. */
    private final Map<TopicPartition, long[]> failing = new ConcurrentHashMap<>();

    ClassifiedRetries(KafkaSupportProperties properties, MeterRegistry meters) {
        this.transientBackOff = transientBackOff(properties);
        ExponentialBackOffWithMaxRetries unknown = new ExponentialBackOffWithMaxRetries(properties.getMaxRetries());
        unknown.setInitialInterval(properties.getInitialBackOff().toMillis());
        unknown.setMultiplier(2.0);
        unknown.setMaxInterval(properties.getMaxBackOff().toMillis());
        this.unknownBackOff = unknown;
        this.maxRetries = properties.getMaxRetries();
        this.meters = meters;
    }

    /** Unlimited attempts and time (the defaults of {@link ExponentialBackOff}), capped delay. */
    static ExponentialBackOff transientBackOff(KafkaSupportProperties properties) {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.getTransientInitialBackOff().toMillis(), 2.0);
        backOff.setMaxInterval(properties.getTransientMaxBackOff().toMillis());
        backOff.setMaxAttempts(ExponentialBackOff.DEFAULT_MAX_ATTEMPTS);
        backOff.setMaxElapsedTime(ExponentialBackOff.DEFAULT_MAX_ELAPSED_TIME);
        return backOff;
    }

    /** The back-off the handler uses when no function answers: the transient one, so it never stops retrying by itself. */
    BackOff transientBackOff() {
        return transientBackOff;
    }

    @Override
    public BackOff apply(ConsumerRecord<?, ?> record, Exception failure) {
        Classification classification = FailureClassifier.classify(failure);
        return switch (classification.kind()) {
            case PERMANENT -> NONE;
            case TRANSIENT -> announced(record, classification, transientBackOff);
            case UNKNOWN -> announced(record, classification, unknownBackOff);
        };
    }

    private BackOff announced(ConsumerRecord<?, ?> record, Classification classification, BackOff backOff) {
        Throwable cause = classification.decidedBy();
        Counter retries = Counter.builder(RETRIES)
                .description("Failed deliveries of a Kafka record that are retried, by topic, exception and kind")
                .tag("topic", record.topic())
                .tag("exception", cause.getClass().getSimpleName())
                .tag("kind", classification.kind().tag())
                .register(meters);
        return () -> {
            BackOffExecution execution = backOff.start();
            int[] retriesOfThisBackOff = {0};
            return () -> {
                long delay = execution.nextBackOff();
                long attempt = failedAttempt(record);
                if (delay != BackOffExecution.STOP) {
                    retriesOfThisBackOff[0]++;
                    retries.increment();
                    log.warn("Kafka record {} failed (attempt {}, {} {}); retrying in {} ms{}", describe(record), attempt,
                            classification.kind().tag(), reason(cause), delay,
                            classification.kind() == Kind.TRANSIENT
                                    ? ", and for as long as the failure lasts; its partition waits"
                                    : " (retry " + retriesOfThisBackOff[0] + " of " + maxRetries + ", then the dead-letter topic)");
                }
                return delay;
            };
        };
    }

    /**
     * How many times in a row this record has failed, across changes of the exception (which start a new
     * back-off): one consumer thread owns a partition at a time, so a counter per partition and offset does.
     */
    private long failedAttempt(ConsumerRecord<?, ?> record) {
        long[] offsetAndFailures = failing.compute(new TopicPartition(record.topic(), record.partition()),
                (tp, known) -> known != null && known[0] == record.offset() ? new long[] {known[0], known[1] + 1}
                        : new long[] {record.offset(), 1});
        return offsetAndFailures[1];
    }

    /** topic-partition@offset, with the event's type and id when it has them (never the payload: it holds personal data). */
    static String describe(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset()
                + " [key " + record.key() + ", " + header(record, CloudEventHeaders.TYPE) + " " + header(record, CloudEventHeaders.ID) + "]";
    }

    /** The exception and its message, and its root cause's where there is one (a DeserializationException says little). */
    static String reason(Throwable t) {
        Throwable root = t;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        String reason = t.getClass().getName() + ": " + t.getMessage();
        return root == t ? reason : reason + " (root cause " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? "-" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
