package org.qingdan.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * The services need no code for SASL/SCRAM: the variables docker-compose.yml gives them (read from the file,
 * secrets replaced) bind through Spring Boot's relaxed binding to the properties of every Kafka client Boot builds
 * (producer, consumer, admin), with topic creation at start switched off; the dead-letter admin's own consumer
 * copies security.* and sasl.* from the consumer's configuration ({@code DeadLetters}).
 */
class KafkaSaslEnvironmentTest {

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_environment_gives_every_kafka_client_sasl_scram() throws IOException {
        Map<String, Object> compose = (Map<String, Object>) new Yaml().load(Files.readString(Path.of("../../docker-compose.yml")));
        for (String service : List.of("application-service", "review-service", "listing-service", "notification-service")) {
            Map<String, Object> env = new HashMap<>();
            ((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(service)).get("environment"))
                    .forEach((k, v) -> env.put(k, String.valueOf(v).replaceAll("\\$\\{[A-Z_]+:\\?[^}]*}", "s3cret")));
            MutablePropertySources sources = new MutablePropertySources();
            sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env));
            KafkaProperties kafka = new Binder(ConfigurationPropertySources.from(sources)).bind("spring.kafka", KafkaProperties.class)
                    .get();

            String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + service + "\" password=\"s3cret\";";
            for (Map<String, Object> client : List.of(kafka.buildProducerProperties(), kafka.buildConsumerProperties(), kafka.buildAdminProperties())) {
                assertThat(client).as(service)
                        .containsEntry("security.protocol", "SASL_PLAINTEXT")
                        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                        .containsEntry("sasl.jaas.config", jaas);
            }
            assertThat(kafka.getAdmin().isAutoCreate()).as(service + " creates no topics").isFalse();
        }
    }
}
