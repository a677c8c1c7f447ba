package org.qingdan.testsupport;

import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** A real Kafka broker in KRaft mode (combined broker and controller) inside the test JVM. */
final class InProcessKafkaBroker implements KafkaBroker {

    private final EmbeddedKafkaKraftBroker broker;

    InProcessKafkaBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of(
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0",
                "transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
    }

    @Override
    public String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
