package org.qingdan.notification.webhook.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.qingdan.notification.productuse.domain.ProductUseNews;

/**
 * A webhook subscription: where, for which event types, its signing secret and its health. The office's
 * ({@code ownerOrgUscc} null) receive every public event of their types; a member organisation's receive only
 * that organisation's own news, of the {@link #MEMBER_EVENT_TYPES}.
 */
public record Subscription(
        String id,
        String url,
        List<String> eventTypes,
        String description,
        String secret,
        SubscriptionStatus status,
        int consecutiveFailures,
        String lastError,
        Instant pausedAt,
        Instant createdAt,
        String createdBy,
        String ownerOrgUscc) {

    /**
     * What a member's subscription may receive: the news of the products it marked as in use (我行在用).
     * Public facts all, carried on {@code listing.events}; nothing of {@code listing.office.events}.
     */
    public static final Set<String> MEMBER_EVENT_TYPES = ProductUseNews.TYPES;

    public boolean wants(String eventType) {
        return eventTypes.contains("*") || eventTypes.contains(eventType);
    }

    public boolean paused() {
        return status == SubscriptionStatus.PAUSED;
    }

    public boolean office() {
        return ownerOrgUscc == null;
    }

    /** The inbox that hears of this subscription's pause: the office's, or its organisation's. */
    public String ownerInbox() {
        return office() ? "role:office" : "org:" + ownerOrgUscc;
    }
}
