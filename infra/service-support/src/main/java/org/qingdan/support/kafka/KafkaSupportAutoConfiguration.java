package org.qingdan.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.qingdan.contracts.Topics;
import org.qingdan.support.kafka.FailureClassifier.Classification;
import org.qingdan.support.kafka.FailureClassifier.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Kafka as every service uses it: the domain topics and their dead-letter topics, and an error handler
 * that treats a failing record by the class of its failure ({@link FailureClassifier}, {@link ClassifiedRetries}):
 * a transient failure (database or broker unreachable or timing out, a lock conflict, a downstream 5xx) is
 * retried with capped exponential back-off for as long as it lasts, holding its partition so that order is
 * kept; a record that can never succeed (unreadable, an unknown type, a payload that breaks its contract, a
 * refused event) goes to {@code <topic>.DLT} at once with the failure in its headers; an unknown failure is
 * retried a few times, then dead-lettered. Each retry is logged (WARN) and counted
 * ({@code qingdan.kafka.retries}); each dead letter is logged (ERROR) and counted
 * ({@code qingdan.kafka.dead-lettered}, {@code qingdan_kafka_dead_lettered_total} in Prometheus).
 * Serialisers, acks and idempotence are set as defaults by {@code SupportDefaults}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaSupportProperties.class)
public class KafkaSupportAutoConfiguration {

    static final String DEAD_LETTERED = "qingdan.kafka.dead-lettered";
    private static final Logger log = LoggerFactory.getLogger(KafkaSupportAutoConfiguration.class);
    /** Kafka's default {@code max.poll.interval.ms}. */
    private static final long DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    /**
     * A dead letter is work not done: it must not expire (Kafka's default is seven days) before an admin has
     * looked at it and replayed or dismissed it, so dead-letter topics keep their records for ever. They are
     * written rarely and stay small; infra/kafka/init.sh and infra/k8s set the same.
     */
    public static final java.util.Map<String, String> DEAD_LETTER_TOPIC_CONFIG = java.util.Map.of("retention.ms", "-1");
    /** The public contract, kept for ever too: the association website can rebuild the whole list from it. */
    public static final java.util.Map<String, String> PUBLIC_TOPIC_CONFIG = java.util.Map.of("retention.ms", "-1");

    @Bean
    KafkaAdmin.NewTopics qingdanTopics(KafkaSupportProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(
                        new NewTopic(t, properties.getPartitions(), properties.getReplicationFactor())
                                .configs(t.equals(Topics.LISTING_EVENTS) ? PUBLIC_TOPIC_CONFIG : java.util.Map.of()),
                        new NewTopic(Topics.deadLetterOf(t), properties.getPartitions(), properties.getReplicationFactor())
                                .configs(DEAD_LETTER_TOPIC_CONFIG)))
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @SuppressWarnings("unchecked")
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, KafkaSupportProperties properties,
                                          ObjectProvider<MeterRegistry> meterRegistry,
                                          ObjectProvider<ConsumerFactory<?, ?>> consumerFactory) {
        check(properties, consumerFactory.getIfAvailable());
        MeterRegistry meters = meterRegistry.getIfAvailable(SimpleMeterRegistry::new);
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                (KafkaOperations<Object, Object>) template,
                // partition -1: the producer picks by key, so a DLT needs no particular partition count
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        // every series from the start at zero, so that a rate or an alert sees the first dead letter
        for (String topic : Topics.ALL) {
            for (Kind kind : List.of(Kind.PERMANENT, Kind.UNKNOWN)) {
                deadLettered(meters, topic, kind);
            }
        }
        ClassifiedRetries retries = new ClassifiedRetries(properties, meters);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, failure) -> {
            Classification classification = FailureClassifier.classify(failure);
            deadLetters.accept(record, failure); // throws if the broker did not take it: then the record is retried
            deadLettered(meters, record.topic(), classification.kind()).increment();
            Throwable cause = classification.decidedBy();
            log.error("Kafka record {} dead-lettered to {}: {} failure {}", ClassifiedRetries.describe(record),
                    Topics.deadLetterOf(record.topic()),
                    classification.kind() == Kind.UNKNOWN ? "unknown (retries exhausted)" : classification.kind().tag(),
                    ClassifiedRetries.reason(cause));
        }, retries.transientBackOff());
        handler.setBackOffFunction(retries);
        return handler;
    }

    private static Counter deadLettered(MeterRegistry meters, String topic, Kind kind) {
        return Counter.builder(DEAD_LETTERED)
                .description("Records sent to a dead-letter topic, by topic and kind of failure (permanent, or unknown after its retries)")
                .tag("topic", topic)
                .tag("kind", kind.tag())
                .register(meters);
    }

    /**
     * The consumer thread sleeps each back-off between two polls, after the failed attempt; if the two took
     * longer than {@code max.poll.interval.ms}, the broker would take the partitions away (nothing would be
     * lost, but the record would start again elsewhere, and again). One back-off may take half of it.
     */
    private static void check(KafkaSupportProperties properties, ConsumerFactory<?, ?> consumerFactory) {
        Duration initial = properties.getTransientInitialBackOff();
        Duration max = properties.getTransientMaxBackOff();
        if (initial.toMillis() <= 0 || max.compareTo(initial) < 0) {
            throw new IllegalStateException("qingdan.kafka.transient-initial-back-off must be positive and at most "
                    + "qingdan.kafka.transient-max-back-off (are " + initial + " and " + max + ")");
        }
        Object configured = consumerFactory == null ? null
                : consumerFactory.getConfigurationProperties().get(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG);
        long maxPollInterval = configured == null ? DEFAULT_MAX_POLL_INTERVAL_MS : Long.parseLong(configured.toString());
        if (max.toMillis() * 2 > maxPollInterval) {
            throw new IllegalStateException("qingdan.kafka.transient-max-back-off (" + max + ") must be at most half of "
                    + "max.poll.interval.ms (" + maxPollInterval + " ms): a consumer that sleeps longer between polls "
                    + "is taken out of its group");
        }
    }
}
