package org.qingdan.notification.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.notification.delivery.NotificationService;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.domain.Planned;
import org.qingdan.notification.webhook.domain.PausePolicy;
import org.qingdan.notification.webhook.domain.Subscription;
import org.qingdan.notification.webhook.domain.WebhookSignature;
import org.qingdan.notification.webhook.http.WebhookHttp;
import org.qingdan.notification.webhook.persistence.SubscriptionStore;
import org.qingdan.support.audit.AuditRecorder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries, signed, one attempt each, retried with back-off by the queue. A subscriber that fails
 * as often in a row as its {@link PausePolicy} allows is paused (its deliveries wait) and its owner — the office,
 * or the member organisation — is told in its inbox; resuming releases what waited.
 */
@Component
public class WebhookDelivery {

    static final String SUBSCRIBER_REMOVED = "subscriber-removed";

    private final SubscriptionStore store;
    private final WebhookHttp http;
    private final NotificationService notifications;
    private final AuditRecorder audit;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Timer latency;
    private final PausePolicy pausePolicy;
    private final int maxAttempts;

    public WebhookDelivery(SubscriptionStore store, WebhookHttp http, NotificationService notifications, AuditRecorder audit, Clock clock,
                           MeterRegistry meters, @Value("${qingdan.webhooks.max-attempts:8}") int maxAttempts,
                           @Value("${qingdan.webhooks.pause-after:5}") int pauseAfter) {
        this.store = store;
        this.http = http;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
        this.meters = meters;
        this.maxAttempts = maxAttempts;
        this.pausePolicy = new PausePolicy(pauseAfter);
        this.latency = Timer.builder("qingdan.webhooks.latency").description("Time a subscriber took to answer")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    public void deliverDue() {
        for (String id : store.queue().due(clock.instant(), 100)) {
            deliver(id);
        }
    }

    void deliver(String id) {
        Document claimed = store.queue().claim(id, clock.instant());
        if (claimed == null) {
            return;
        }
        Optional<Subscription> found = store.find(claimed.getString("subscriberId"));
        if (found.isEmpty()) {
            store.queue().failed(id, Integer.MAX_VALUE, 1, SUBSCRIBER_REMOVED, clock.instant());
            return;
        }
        Subscription s = found.get();
        if (s.paused()) {
            store.hold(id);
            return;
        }
        String body = claimed.getString("payload");
        long started = System.nanoTime();
        URI target;
        try {
            target = URI.create(s.url());
        } catch (IllegalArgumentException e) {
            target = null;
        }
        WebhookHttp.Outcome outcome = target == null ? new WebhookHttp.Outcome(null, "address-not-allowed")
                : http.post(target, signedHeaders(s, claimed, body), body);
        latency.record(Duration.ofNanos(System.nanoTime() - started));
        if (outcome.statusCode() != null) {
            store.recordStatusCode(id, outcome.statusCode());
        }
        if (outcome.delivered()) {
            store.queue().delivered(id, clock.instant());
            store.recordDelivered(s.id());
            meters.counter("qingdan.webhooks.deliveries", "outcome", "delivered").increment();
            return;
        }
        boolean failed = store.queue().failed(id, claimed.getInteger("attempts"), maxAttempts, outcome.error(), clock.instant());
        meters.counter("qingdan.webhooks.deliveries", "outcome", failed ? "failed" : "retried").increment();
        store.recordFailure(s.id(), outcome.error())
                .filter(after -> pausePolicy.pauses(after.status(), after.consecutiveFailures()))
                .ifPresent(after -> pause(after, outcome.error()));
    }

    private Map<String, String> signedHeaders(Subscription s, Document delivery, String body) {
        long timestamp = clock.instant().getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSignature.EVENT_ID, delivery.getString("eventId"));
        headers.put(WebhookSignature.EVENT_TYPE, delivery.getString("eventType"));
        headers.put(WebhookSignature.DELIVERY_ID, delivery.getString("_id"));
        headers.put(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE, WebhookSignature.sign(s.secret(), timestamp, body));
        return headers;
    }

    private void pause(Subscription s, String error) {
        if (!store.pause(s.id(), clock.instant())) {
            return; // another instance paused it
        }
        meters.counter("qingdan.webhooks.paused").increment();
        audit.recordSystem(WebhookService.AUDIT_TYPE, s.id(), "system", "系统", "PAUSED",
                "连续 " + pausePolicy.pauseAfter() + " 次推送失败，暂停（" + error + "）");
        String ownerName = s.office() ? "金融科技专委会办公室" : "会员单位";
        notifications.create("webhook-paused|" + s.id() + "|" + clock.instant().toEpochMilli(), "webhook.paused", s.id(),
                List.of(new Planned(Channel.INBOX, s.ownerInbox(), ownerName, "webhook-paused",
                        Map.of("url", s.url(), "failures", s.consecutiveFailures(), "lastError", error))));
    }
}
