package org.qingdan.testsupport;

/** A running Kafka broker as the tests see it. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    @Override
    void close();
}
