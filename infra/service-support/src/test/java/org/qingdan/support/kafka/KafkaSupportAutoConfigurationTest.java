package org.qingdan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** The error handler as every service gets it; no broker is needed to build it. */
class KafkaSupportAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, KafkaSupportAutoConfiguration.class))
            .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
            .withPropertyValues("spring.kafka.admin.auto-create=false");

    @Test
    void every_service_gets_the_classifying_handler_and_a_dead_letter_count_at_zero_for_every_topic() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(DefaultErrorHandler.class);
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            for (String topic : Topics.ALL) {
                assertThat(meters.get(KafkaSupportAutoConfiguration.DEAD_LETTERED).tag("topic", topic).tag("kind", "permanent")
                        .counter().count()).isZero();
                assertThat(meters.get(KafkaSupportAutoConfiguration.DEAD_LETTERED).tag("topic", topic).tag("kind", "unknown")
                        .counter().count()).isZero();
            }
        });
    }

    @Test
    void a_back_off_cap_that_would_get_the_consumer_taken_out_of_its_group_stops_the_start() {
        runner.withPropertyValues("spring.kafka.consumer.properties.max.poll.interval.ms=40000")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("qingdan.kafka.transient-max-back-off (PT30S) must be at most half of max.poll.interval.ms (40000 ms)"));
        runner.withPropertyValues("spring.kafka.consumer.properties.max.poll.interval.ms=40000", "qingdan.kafka.transient-max-back-off=20s")
                .run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("qingdan.kafka.transient-initial-back-off=0ms")
                .run(context -> assertThat(context).getFailure().rootCause().hasMessageContaining("must be positive"));
    }
}
