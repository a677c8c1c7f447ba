package org.qingdan.notification.webhook.domain;

/**
 * When a subscriber is paused: after {@code pauseAfter} failed deliveries in a row. Pausing holds its
 * deliveries back instead of spending their attempts on a receiver that is down; resuming releases them.
 */
public record PausePolicy(int pauseAfter) {

    public PausePolicy {
        if (pauseAfter < 1) {
            throw new IllegalArgumentException("pause-after must be at least 1");
        }
    }

    /** True if a subscriber with this many failures in a row, still active, is to be paused now. */
    public boolean pauses(SubscriptionStatus status, int consecutiveFailures) {
        return status == SubscriptionStatus.ACTIVE && consecutiveFailures >= pauseAfter;
    }
}
