package org.qingdan.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code qingdan.kafka.*}: topic layout and how long a failing record is retried before it is dead-lettered. */
@ConfigurationProperties("qingdan.kafka")
public class KafkaSupportProperties {

    private int partitions = 3;
    private short replicationFactor = 1;
    /** Attempts after the first one. */
    private int maxRetries = 3;
    private Duration initialBackOff = Duration.ofMillis(200);
    private Duration maxBackOff = Duration.ofSeconds(2);

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public Duration getInitialBackOff() {
        return initialBackOff;
    }

    public void setInitialBackOff(Duration initialBackOff) {
        this.initialBackOff = initialBackOff;
    }

    public Duration getMaxBackOff() {
        return maxBackOff;
    }

    public void setMaxBackOff(Duration maxBackOff) {
        this.maxBackOff = maxBackOff;
    }
}
