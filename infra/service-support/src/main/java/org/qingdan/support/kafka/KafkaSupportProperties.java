package org.qingdan.support.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code qingdan.kafka.*}: topic layout, and how a record whose listener fails is retried, by the class of
 * the failure ({@link FailureClassifier}): transient failures for as long as they last, unknown ones a few
 * times before the dead-letter topic, permanent ones not at all.
 */
@ConfigurationProperties("qingdan.kafka")
public class KafkaSupportProperties {

    private int partitions = 3;
    private short replicationFactor = 1;
    /** Transient failures: the first delay, doubled on each retry. */
    private Duration transientInitialBackOff = Duration.ofMillis(200);
    /** Transient failures: the longest delay; kept well below {@code max.poll.interval.ms} (5 min by default). */
    private Duration transientMaxBackOff = Duration.ofSeconds(30);
    /** Unknown failures: retries after the first attempt, before the dead-letter topic. */
    private int maxRetries = 3;
    /** Unknown failures: the first delay, doubled on each retry. */
    private Duration initialBackOff = Duration.ofMillis(200);
    /** Unknown failures: the longest delay. */
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

    public Duration getTransientInitialBackOff() {
        return transientInitialBackOff;
    }

    public void setTransientInitialBackOff(Duration transientInitialBackOff) {
        this.transientInitialBackOff = transientInitialBackOff;
    }

    public Duration getTransientMaxBackOff() {
        return transientMaxBackOff;
    }

    public void setTransientMaxBackOff(Duration transientMaxBackOff) {
        this.transientMaxBackOff = transientMaxBackOff;
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
