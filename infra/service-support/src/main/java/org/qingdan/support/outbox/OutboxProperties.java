package org.qingdan.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code qingdan.outbox.*}: which collections hold aggregates with pending events, and how the relay runs. */
@ConfigurationProperties("qingdan.outbox")
public class OutboxProperties {

    /** Collections whose documents carry a {@code pendingEvents} array. */
    private List<String> collections = new ArrayList<>();
    /** Off only in tests that simulate a process dying between the state write and the publish. */
    private boolean relayEnabled = true;
    /** How often the relay looks for pending events when nothing woke it. */
    private Duration pollInterval = Duration.ofMillis(500);
    /** How long one relay instance owns a document; a dead instance's lease expires and another takes over. */
    private Duration lease = Duration.ofSeconds(30);
    /** How long to wait for the broker to acknowledge one event. */
    private Duration sendTimeout = Duration.ofSeconds(10);
    /** Documents claimed per round and collection. */
    private int batchSize = 100;

    public List<String> getCollections() {
        return collections;
    }

    public void setCollections(List<String> collections) {
        this.collections = collections;
    }

    public boolean isRelayEnabled() {
        return relayEnabled;
    }

    public void setRelayEnabled(boolean relayEnabled) {
        this.relayEnabled = relayEnabled;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public Duration getSendTimeout() {
        return sendTimeout;
    }

    public void setSendTimeout(Duration sendTimeout) {
        this.sendTimeout = sendTimeout;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
