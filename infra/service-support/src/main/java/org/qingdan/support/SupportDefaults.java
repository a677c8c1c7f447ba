package org.qingdan.support;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every service shares, at the lowest precedence so that a service's own configuration wins:
 * the Kafka wire format (logical types, no Java class names), safe producers, observation across Kafka,
 * actuator endpoints, problem details, and no stack traces in error responses.
 */
public class SupportDefaults implements EnvironmentPostProcessor {

    static final Map<String, Object> DEFAULTS = defaults();

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new HashMap<>();
        d.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        d.put("spring.kafka.producer.value-serializer", "org.qingdan.support.kafka.EventSerializer");
        d.put("spring.kafka.producer.acks", "all");
        d.put("spring.kafka.producer.properties.enable.idempotence", "true");
        d.put("spring.kafka.producer.properties.max.in.flight.requests.per.connection", "5");
        d.put("spring.kafka.producer.properties.linger.ms", "5");
        // a send blocks or waits at most 10 s (the outbox relay waits as long): well below the relay's 30 s lease
        d.put("spring.kafka.producer.properties.max.block.ms", "10000");
        d.put("spring.kafka.producer.properties.request.timeout.ms", "10000");
        d.put("spring.kafka.producer.properties.delivery.timeout.ms", "20000");
        d.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        d.put("spring.kafka.consumer.value-deserializer", "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        d.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class", "org.qingdan.support.kafka.EventDeserializer");
        d.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        d.put("spring.kafka.consumer.enable-auto-commit", "false");
        d.put("spring.kafka.consumer.group-id", "${spring.application.name}");
        d.put("spring.kafka.template.observation-enabled", "true");
        d.put("spring.kafka.listener.observation-enabled", "true");
        d.put("spring.data.mongodb.auto-index-creation", "true");
        d.put("spring.mvc.problemdetails.enabled", "true");
        d.put("management.health.mongo.enabled", "false");
        // Tomcat closes a keep-alive connection after its 100th request by default. Behind the gateway that is one new
        // connection (a TCP handshake, and a pooled connection built in the gateway) every 100 requests: 200 closes in
        // 20,000 reads in the benchmark, counted as TIME-WAIT sockets (issue #20). Unlimited, and closed when idle for a
        // minute; the gateway lets its own connections go after 30 s idle (its application.yml), before this side
        // could close one under a request it is sending.
        d.put("server.tomcat.max-keep-alive-requests", "-1");
        d.put("server.tomcat.keep-alive-timeout", "60s");
        d.put("server.error.include-stacktrace", "never");
        d.put("server.error.include-message", "never");
        d.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        d.put("management.endpoint.health.probes.enabled", "true");
        d.put("management.info.java.enabled", "true");
        d.put("management.info.env.enabled", "true");
        d.put("management.info.os.enabled", "true");
        // Trace ids in every log line, problem document, audit record and X-Trace-Id, carried across the gateway, the
        // outbox and Kafka, come from the trace context, which exists whether or not a span is sampled. Sampling only
        // decides whether spans are recorded for an exporter, and none is configured: at 1.0 every request built a
        // recorded span per hop for nobody — the largest share of the gateway's own CPU after Netty in the benchmark's
        // profile (issue #20). An operator who adds an exporter (OTLP, Zipkin) sets the probability with it.
        d.put("management.tracing.sampling.probability", "0.0");
        // Spring Security observes each filter of its chain, and authentication and authorisation, as observations of
        // their own: half a dozen per request, which the profiles of the gateway and the services showed as a
        // noticeable share of a request's CPU. The request's own observation (its trace id, http.server.requests)
        // stays; what the security filters decide is in the logs and the audit trail.
        d.put("management.observations.enable.spring.security", "false");
        return Map.copyOf(d);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("qingdan-defaults", new HashMap<>(DEFAULTS)));
    }
}
