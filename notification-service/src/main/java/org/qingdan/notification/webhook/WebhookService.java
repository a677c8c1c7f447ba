package org.qingdan.notification.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.notification.notification.NotificationService;
import org.qingdan.notification.notification.domain.Channel;
import org.qingdan.notification.notification.domain.Planned;
import org.qingdan.notification.notification.persistence.DeliveryQueue;
import org.qingdan.notification.webhook.domain.TargetPolicy;
import org.qingdan.notification.webhook.domain.WebhookSignature;
import org.qingdan.notification.webhook.http.WebhookHttp;
import org.qingdan.notification.webhook.persistence.SubscriberDocument;
import org.qingdan.support.events.EventJson;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Webhooks for the association's website and a WeChat publishing bridge: every event of a subscribed type
 * is delivered once per subscriber (the delivery's id is derived from event and subscriber), signed,
 * retried with back-off, and recorded. A subscriber that fails {@code pause-after} times in a row is
 * paused (its deliveries wait) and reported to the office; resuming releases what waited.
 */
@Service
public class WebhookService {

    public static final String DELIVERIES = "webhookDeliveries";
    static final String SUBSCRIBER_REMOVED = "subscriber-removed";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final MeterRegistry meters;
    private final NotificationService notifications;
    private final DeliveryQueue queue;
    private final TargetPolicy targets;
    private final WebhookHttp http;
    private final SecureRandom random = new SecureRandom();
    private final int maxAttempts;
    private final int pauseAfter;
    private final Timer latency;

    private final org.qingdan.support.audit.AuditRecorder audit;

    /** The aggregate type of webhook subscribers in the audit trail. */
    public static final String AUDIT_TYPE = "webhook";

    public WebhookService(MongoTemplate mongo, Clock clock, MeterRegistry meters, NotificationService notifications,
                          TargetPolicy targets, WebhookHttp http,
                          @Value("${qingdan.webhooks.max-attempts:8}") int maxAttempts,
                          @Value("${qingdan.webhooks.pause-after:5}") int pauseAfter, org.qingdan.support.audit.AuditRecorder audit) {
        this.audit = audit;
        this.mongo = mongo;
        this.clock = clock;
        this.meters = meters;
        this.notifications = notifications;
        this.targets = targets;
        this.http = http;
        this.maxAttempts = maxAttempts;
        this.pauseAfter = pauseAfter;
        this.queue = new DeliveryQueue(mongo, DELIVERIES, Duration.ofMinutes(1));
        this.latency = Timer.builder("qingdan.webhooks.latency").description("Time a subscriber took to answer")
                .publishPercentiles(0.5, 0.99).register(meters);
    }

    /** What the office gets back once: the secret is shown only at registration. */
    public record Registered(SubscriberDocument subscriber, String secret) {
    }

    public Registered register(String url, List<String> eventTypes, String description, CurrentUser user) {
        String by = user.username();
        List<Violation> problems = new ArrayList<>();
        URI uri = null;
        try {
            uri = url == null ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        Optional<String> refusedUrl = targets.refuseUrl(uri);
        if (refusedUrl.isPresent()) {
            problems.add(new Violation("url", "https-url", refusedUrl.get()));
        } else {
            try {
                targets.resolve(uri.getHost()); // checked again at every send, on the address connected to
            } catch (TargetPolicy.AddressNotAllowed e) {
                problems.add(new Violation("url", "public-address", "地址解析到非公网地址（" + e.reason() + "），不能作为推送目标"));
            } catch (UnknownHostException e) {
                problems.add(new Violation("url", "resolvable", "无法解析地址中的主机名"));
            }
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            problems.add(new Violation("eventTypes", "required", "请至少选择一种事件（或 *）"));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                String type = eventTypes.get(i);
                if (!"*".equals(type) && EventCatalog.byType(type).isEmpty()) {
                    problems.add(new Violation("eventTypes[" + i + "]", "closed-list", "未知的事件类型：" + type));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid("订阅设置不正确", problems);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        SubscriberDocument subscriber = new SubscriberDocument(UUID.randomUUID().toString(), uri.toString(), List.copyOf(eventTypes),
                description, secret, false, 0, null, null, clock.instant(), by);
        mongo.insert(subscriber);
        // the secret is never recorded
        audit.record(AUDIT_TYPE, subscriber.id(), user, "REGISTERED", "登记推送地址 " + subscriber.url() + "，事件 " + String.join(", ", eventTypes));
        return new Registered(subscriber, secret);
    }

    public List<SubscriberDocument> subscribers() {
        return mongo.find(new Query().with(Sort.by("createdAt")), SubscriberDocument.class);
    }

    public void remove(CurrentUser user, String id) {
        if (mongo.remove(Query.query(Criteria.where("_id").is(id)), SubscriberDocument.class).getDeletedCount() == 0) {
            throw ProblemException.notFound("订阅 " + id + " 不存在");
        }
        // the trail outlives the subscriber
        audit.record(AUDIT_TYPE, id, user, "REMOVED", "删除订阅");
    }

    /** Resumes a paused subscriber and releases the deliveries that waited for it. */
    public void resume(CurrentUser user, String id) {
        var result = mongo.getCollection(SubscriberDocument.COLLECTION).updateOne(new Document("_id", id),
                new Document("$set", new Document("paused", false).append("consecutiveFailures", 0).append("pausedAt", null)));
        if (result.getMatchedCount() == 0) {
            throw ProblemException.notFound("订阅 " + id + " 不存在");
        }
        mongo.getCollection(DELIVERIES).updateMany(new Document("subscriberId", id).append("status", DeliveryQueue.HELD),
                new Document("$set", new Document("status", DeliveryQueue.PENDING).append("attempts", 0)
                        .append("nextAttemptAt", Date.from(clock.instant()))));
        audit.record(AUDIT_TYPE, id, user, "RESUMED", "恢复推送，放行暂停期间积压的推送");
    }

    /** One page of a subscriber's audit trail, oldest first; a removed subscriber's too. */
    public org.qingdan.support.audit.AuditRecorder.Page trail(String id, int page, int size) {
        var trail = audit.trail(AUDIT_TYPE, id, page, size);
        if (trail.total() == 0 && mongo.findById(id, SubscriberDocument.class) == null) {
            throw ProblemException.notFound("订阅 " + id + " 不存在");
        }
        return trail;
    }

    public List<Document> deliveries(String subscriberId) {
        List<Document> found = new ArrayList<>();
        mongo.getCollection(DELIVERIES).find(new Document("subscriberId", subscriberId))
                .projection(new Document("payload", 0)).sort(new Document("createdAt", -1)).limit(200)
                .forEach(d -> found.add(d.append("lastError", shownError(d.getString("lastError")))));
        return found;
    }

    /**
     * A failure as the office sees it: one of {@link WebhookHttp#CATEGORIES}. What older versions stored
     * (the exception's text, which named internal addresses) shows as "other".
     */
    public static String shownError(String stored) {
        return stored == null || WebhookHttp.CATEGORIES.contains(stored) || stored.equals(SUBSCRIBER_REMOVED) ? stored : "other";
    }

    public void handle(DomainEvent event) {
        String type = EventCatalog.entryFor(event.getClass()).type();
        String payload = EventJson.write(event);
        for (SubscriberDocument s : subscribers()) {
            if (!s.wants(type)) {
                continue;
            }
            String id = UUID.nameUUIDFromBytes((event.eventId() + "|" + s.id()).getBytes(StandardCharsets.UTF_8)).toString();
            Document delivery = new Document("_id", id).append("subscriberId", s.id()).append("eventId", event.eventId().toString())
                    .append("eventType", type).append("payload", payload)
                    .append("status", s.paused() ? DeliveryQueue.HELD : DeliveryQueue.PENDING).append("attempts", 0)
                    .append("nextAttemptAt", Date.from(clock.instant())).append("createdAt", Date.from(clock.instant()));
            try {
                mongo.getCollection(DELIVERIES).insertOne(delivery);
            } catch (com.mongodb.MongoWriteException e) {
                if (e.getError().getCode() == 11000) {
                    continue; // delivered (or being delivered) already
                }
                throw e;
            }
            // delivered by the schedule, like mail: a slow subscriber holds up no event
        }
    }

    public void deliverDue() {
        for (String id : queue.due(clock.instant(), 100)) {
            deliver(id);
        }
    }

    void deliver(String id) {
        Document claimed = queue.claim(id, clock.instant());
        if (claimed == null) {
            return;
        }
        SubscriberDocument s = mongo.findById(claimed.getString("subscriberId"), SubscriberDocument.class);
        if (s == null) {
            queue.failed(id, Integer.MAX_VALUE, 1, SUBSCRIBER_REMOVED, clock.instant());
            return;
        }
        if (s.paused()) {
            mongo.getCollection(DELIVERIES).updateOne(new Document("_id", id), new Document("$set", new Document("status", DeliveryQueue.HELD)));
            return;
        }
        String body = claimed.getString("payload");
        long timestamp = clock.instant().getEpochSecond();
        long started = System.nanoTime();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(WebhookSignature.EVENT_ID, claimed.getString("eventId"));
        headers.put(WebhookSignature.EVENT_TYPE, claimed.getString("eventType"));
        headers.put(WebhookSignature.DELIVERY_ID, id);
        headers.put(WebhookSignature.TIMESTAMP, Long.toString(timestamp));
        headers.put(WebhookSignature.SIGNATURE, WebhookSignature.sign(s.secret(), timestamp, body));
        URI target;
        try {
            target = URI.create(s.url());
        } catch (IllegalArgumentException e) {
            target = null;
        }
        WebhookHttp.Outcome outcome = target == null ? new WebhookHttp.Outcome(null, "address-not-allowed") : http.post(target, headers, body);
        latency.record(Duration.ofNanos(System.nanoTime() - started));
        if (outcome.statusCode() != null) {
            mongo.getCollection(DELIVERIES).updateOne(new Document("_id", id),
                    new Document("$set", new Document("lastStatusCode", outcome.statusCode())));
        }
        if (outcome.delivered()) {
            queue.delivered(id, clock.instant());
            mongo.getCollection(SubscriberDocument.COLLECTION).updateOne(new Document("_id", s.id()),
                    new Document("$set", new Document("consecutiveFailures", 0).append("lastError", null)));
            meters.counter("qingdan.webhooks.deliveries", "outcome", "delivered").increment();
            return;
        }
        String error = outcome.error();
        boolean failed = queue.failed(id, claimed.getInteger("attempts"), maxAttempts, error, clock.instant());
        meters.counter("qingdan.webhooks.deliveries", "outcome", failed ? "failed" : "retried").increment();
        recordFailure(s, error);
    }

    private void recordFailure(SubscriberDocument s, String error) {
        Document after = mongo.getCollection(SubscriberDocument.COLLECTION).findOneAndUpdate(new Document("_id", s.id()),
                new Document("$inc", new Document("consecutiveFailures", 1)).append("$set", new Document("lastError", error)),
                new com.mongodb.client.model.FindOneAndUpdateOptions().returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
        if (after != null && !after.getBoolean("paused", false) && after.getInteger("consecutiveFailures") >= pauseAfter) {
            var paused = mongo.getCollection(SubscriberDocument.COLLECTION).updateOne(
                    new Document("_id", s.id()).append("paused", false),
                    new Document("$set", new Document("paused", true).append("pausedAt", Date.from(clock.instant()))));
            if (paused.getModifiedCount() > 0) {
                meters.counter("qingdan.webhooks.paused").increment();
                audit.recordSystem(AUDIT_TYPE, s.id(), "system", "系统", "PAUSED", "连续 " + pauseAfter + " 次推送失败，暂停（" + error + "）");
                // held back, and reported to the office in its inbox
                mongo.getCollection(DELIVERIES).updateMany(new Document("subscriberId", s.id())
                                .append("status", new Document("$in", List.of(DeliveryQueue.PENDING, DeliveryQueue.RETRYING))),
                        new Document("$set", new Document("status", DeliveryQueue.HELD)));
                notifications.create("webhook-paused|" + s.id() + "|" + clock.instant().toEpochMilli(), "webhook.paused", s.id(),
                        List.of(new Planned(Channel.INBOX, "role:office", "金融科技专委会办公室", "webhook-paused",
                                Map.of("url", s.url(), "failures", after.getInteger("consecutiveFailures"), "lastError", error))));
            }
        }
    }
}
