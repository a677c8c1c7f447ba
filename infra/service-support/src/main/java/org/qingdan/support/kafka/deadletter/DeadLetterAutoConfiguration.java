package org.qingdan.support.kafka.deadletter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.qingdan.contracts.Topics;
import org.qingdan.support.kafka.deadletter.web.DeadLetterAdminController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Dead letters for admins ({@link DeadLetterAdminController}) in every service that consumes Kafka, keeps
 * MongoDB (where replays are recorded) and serves HTTP. "This service's" dead-letter topics are those of
 * the topics its {@code @KafkaListener}s consume, read from the listener registry when asked.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.qingdan.support.outbox.OutboxAutoConfiguration"})
@ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
@ConditionalOnBean({MongoTemplate.class, KafkaTemplate.class, ConsumerFactory.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DeadLetterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    DeadLetters deadLetters(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, ConsumerFactory<?, ?> consumerFactory,
                            ObjectProvider<KafkaListenerEndpointRegistry> registry, ObjectProvider<MeterRegistry> meters,
                            ObjectProvider<Clock> clock) {
        Map<String, Object> config = consumerFactory.getConfigurationProperties();
        return new DeadLetters(config, (KafkaTemplate<Object, Object>) kafka,
                new DeadLetterReplays(mongo, clock.getIfUnique(Clock::systemUTC)),
                consumedTopics(registry), meters.getIfAvailable(SimpleMeterRegistry::new));
    }

    @Bean
    DeadLetterAdminController deadLetterAdminController(DeadLetters deadLetters) {
        return new DeadLetterAdminController(deadLetters);
    }

    /** The topics the service's listener containers subscribe to (dead-letter topics themselves excluded). */
    static Supplier<Set<String>> consumedTopics(ObjectProvider<KafkaListenerEndpointRegistry> registry) {
        return () -> {
            KafkaListenerEndpointRegistry r = registry.getIfAvailable();
            if (r == null) {
                return Collections.emptySet();
            }
            Set<String> topics = new TreeSet<>();
            for (MessageListenerContainer container : r.getListenerContainers()) {
                String[] subscribed = container.getContainerProperties().getTopics();
                if (subscribed != null) {
                    for (String t : subscribed) {
                        if (!t.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                            topics.add(t);
                        }
                    }
                }
                var assigned = container.getContainerProperties().getTopicPartitions();
                if (assigned != null) {
                    for (var tpo : assigned) {
                        if (!tpo.getTopic().endsWith(Topics.DEAD_LETTER_SUFFIX)) {
                            topics.add(tpo.getTopic());
                        }
                    }
                }
            }
            return topics;
        };
    }
}
