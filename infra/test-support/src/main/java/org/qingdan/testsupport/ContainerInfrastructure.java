package org.qingdan.testsupport;

import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Docker path: a real MongoDB (started as a single-node replica set by Testcontainers) and a real
 * Kafka container. It cannot run on machines without a Docker engine; {@link InfrastructureMode} then
 * never chooses it. The OIDC issuer stays in process in both modes.
 */
final class ContainerInfrastructure {

    static KafkaBroker kafka() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");
        kafka.start();
        return new KafkaBroker() {
            @Override
            public String bootstrapServers() {
                return kafka.getBootstrapServers();
            }

            @Override
            public void close() {
                kafka.stop();
            }
        };
    }

    static MongoServer mongo() {
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        mongo.start();
        return new MongoServer() {
            @Override
            public String uri(String database) {
                return mongo.getReplicaSetUrl(database);
            }

            @Override
            public void close() {
                mongo.stop();
            }
        };
    }

    private ContainerInfrastructure() {
    }
}
