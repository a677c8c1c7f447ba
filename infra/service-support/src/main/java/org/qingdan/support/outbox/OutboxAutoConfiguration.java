package org.qingdan.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.UUID;
import org.qingdan.support.outbox.web.OutboxAdminController;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** The outbox inside the aggregate document: {@link AggregateStore} to write, {@link OutboxRelay} to publish. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({MongoTemplate.class, KafkaTemplate.class})
@ConditionalOnBean({MongoTemplate.class, KafkaTemplate.class})
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<?, ?> kafka, OutboxProperties properties, Clock clock,
                            ObjectProvider<MeterRegistry> meters, ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                            @Value("${spring.application.name:service}") String app) {
        String owner = app + "/" + ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
        return new OutboxRelay(mongo, (KafkaTemplate<Object, Object>) kafka, properties, owner, clock,
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new), tracing(tracer));
    }

    @Bean
    @ConditionalOnMissingBean
    AggregateStore aggregateStore(MongoTemplate mongo, OutboxRelay relay, ObjectProvider<io.micrometer.tracing.Tracer> tracer,
                                  @Value("${spring.application.name:service}") String app) {
        return new AggregateStore(mongo, "/" + app, relay::wakeUp, tracing(tracer)::currentTraceparent);
    }

    /** Parked events for admins, where the service serves HTTP. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
            type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
    static class Admin {
        @Bean
        OutboxAdminController outboxAdminController(MongoTemplate mongo, OutboxProperties properties) {
            return new OutboxAdminController(new ParkedEvents(mongo, properties));
        }
    }

    private static TracingScopes tracing(ObjectProvider<io.micrometer.tracing.Tracer> tracer) {
        io.micrometer.tracing.Tracer t = tracer.getIfAvailable();
        return t == null ? TracingScopes.NONE : TracingScopes.micrometer(t);
    }
}
