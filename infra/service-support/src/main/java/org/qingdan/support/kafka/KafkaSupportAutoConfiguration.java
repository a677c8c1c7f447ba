package org.qingdan.support.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.qingdan.contracts.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka as every service uses it: the domain topics and their dead-letter topics, and an error handler
 * that retries a failing record a bounded number of times with back-off, then publishes it to
 * {@code <topic>.DLT} with the failure in its headers, so that a poison record never blocks a partition.
 * Serialisers, acks and idempotence are set as defaults by {@code SupportDefaults}.
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaSupportProperties.class)
public class KafkaSupportAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics qingdanTopics(KafkaSupportProperties properties) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .flatMap(t -> java.util.stream.Stream.of(t, Topics.deadLetterOf(t)))
                .map(t -> new NewTopic(t, properties.getPartitions(), properties.getReplicationFactor()))
                .toArray(NewTopic[]::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    @SuppressWarnings("unchecked")
    DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<?, ?> template, KafkaSupportProperties properties,
                                          ObjectProvider<MeterRegistry> meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
                (KafkaOperations<Object, Object>) template,
                // partition -1: the producer picks by key, so a DLT needs no particular partition count
                (record, failure) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        Counter deadLettered = Counter.builder("qingdan.kafka.dead-lettered")
                .description("Records sent to a dead-letter topic")
                .register(meters.getIfAvailable(SimpleMeterRegistry::new));
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(properties.getMaxRetries());
        backOff.setInitialInterval(properties.getInitialBackOff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(properties.getMaxBackOff().toMillis());
        return new DefaultErrorHandler((record, failure) -> {
            deadLetters.accept(record, failure);
            deadLettered.increment();
        }, backOff);
    }
}
