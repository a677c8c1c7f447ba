package org.qingdan.notification.webhook;

import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.notification.webhook.domain.Subscription;
import org.qingdan.notification.webhook.domain.SubscriptionStatus;
import org.qingdan.notification.webhook.domain.TargetPolicy;
import org.qingdan.notification.webhook.http.WebhookHttp;
import org.qingdan.notification.webhook.persistence.SubscriptionStore;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.events.EventJson;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.domain.Refusal;
import org.springframework.stereotype.Service;

/**
 * The webhook registry and its fan-out. The office's subscribers (the association website, a WeChat publishing
 * bridge) receive every public event of their types; a member organisation registers its own, which receive only
 * its own news (the products it marked as in use). Each event is enqueued once per subscriber (the delivery's id is
 * derived from event and subscriber) and sent by {@link WebhookDelivery}. A member sees, changes and hears of its
 * organisation's subscribers only; to it, anyone else's do not exist (404).
 */
@Service
public class WebhookService {

    /** The aggregate type of webhook subscribers in the audit trail. */
    public static final String AUDIT_TYPE = "webhook";

    private final SubscriptionStore store;
    private final TargetPolicy targets;
    private final AuditRecorder audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(SubscriptionStore store, TargetPolicy targets, AuditRecorder audit, Clock clock) {
        this.store = store;
        this.targets = targets;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the registrant gets back once: the secret is shown only at registration. */
    public record Registered(Subscription subscriber, String secret) {
    }

    public Registered register(String url, List<String> eventTypes, String description, CurrentUser user) {
        String owner = ownerOf(user);
        List<Refusal.Violation> problems = new ArrayList<>();
        URI uri;
        try {
            uri = url == null ? null : URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        Optional<String> refusedUrl = targets.refuseUrl(uri);
        if (refusedUrl.isPresent()) {
            problems.add(new Refusal.Violation("url", "https-url", refusedUrl.get()));
        } else {
            try {
                targets.resolve(uri.getHost()); // checked again at every send, on the address connected to
            } catch (TargetPolicy.AddressNotAllowed e) {
                problems.add(new Refusal.Violation("url", "public-address", "地址解析到非公网地址（" + e.reason() + "），不能作为推送目标"));
            } catch (UnknownHostException e) {
                problems.add(new Refusal.Violation("url", "resolvable", "无法解析地址中的主机名"));
            }
        }
        if (eventTypes == null || eventTypes.isEmpty()) {
            problems.add(new Refusal.Violation("eventTypes", "required", "请至少选择一种事件（或 *）"));
        } else {
            for (int i = 0; i < eventTypes.size(); i++) {
                String type = eventTypes.get(i);
                if (!"*".equals(type) && EventCatalog.byType(type).isEmpty()) {
                    problems.add(new Refusal.Violation("eventTypes[" + i + "]", "closed-list", "未知的事件类型：" + type));
                } else if (owner != null && !"*".equals(type) && !Subscription.MEMBER_EVENT_TYPES.contains(type)) {
                    // a member's subscription carries its own news only, never the list's whole feed
                    problems.add(new Refusal.Violation("eventTypes[" + i + "]", "member-event-types",
                            "会员单位只能订阅本单位在用产品的动态：" + String.join(", ", Subscription.MEMBER_EVENT_TYPES.stream().sorted().toList())));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw Refusal.invalid("订阅设置不正确", problems);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        Subscription subscriber = new Subscription(UUID.randomUUID().toString(), uri.toString(), List.copyOf(eventTypes), description, secret,
                SubscriptionStatus.ACTIVE, 0, null, null, clock.instant(), user.username(), owner);
        store.insert(subscriber);
        // the secret is never recorded
        audit.record(AUDIT_TYPE, subscriber.id(), user, "REGISTERED", "登记推送地址 " + subscriber.url() + "，事件 " + String.join(", ", eventTypes));
        return new Registered(subscriber, secret);
    }

    /** The office's subscribers to the office; a member's organisation's own to a member. */
    public List<Subscription> subscribers(CurrentUser user) {
        String owner = ownerOf(user);
        return owner == null ? store.office() : store.ofOrganisation(owner);
    }

    public void remove(CurrentUser user, String id) {
        visible(user, id);
        store.remove(id);
        // the trail outlives the subscriber
        audit.record(AUDIT_TYPE, id, user, "REMOVED", "删除订阅");
    }

    /** Resumes a paused subscriber and releases the deliveries that waited for it. */
    public void resume(CurrentUser user, String id) {
        visible(user, id);
        if (!store.resume(id, clock.instant())) {
            throw notFound(id);
        }
        audit.record(AUDIT_TYPE, id, user, "RESUMED", "恢复推送，放行暂停期间积压的推送");
    }

    /** One page of a subscriber's audit trail, oldest first; a removed subscriber's too (the office's only). */
    public AuditRecorder.Page trail(CurrentUser user, String id, int page, int size) {
        if (ownerOf(user) != null) {
            visible(user, id);
        }
        var trail = audit.trail(AUDIT_TYPE, id, page, size);
        if (trail.total() == 0 && store.find(id).isEmpty()) {
            throw notFound(id);
        }
        return trail;
    }

    /** A subscriber's latest deliveries; the office may read any subscriber's (empty for an unknown one). */
    public List<WebhookDeliveryView> deliveries(CurrentUser user, String id) {
        if (ownerOf(user) != null) {
            visible(user, id);
        }
        return store.deliveries(id, 200).stream().map(d -> new WebhookDeliveryView(d.getString("_id"), d.getString("subscriberId"),
                d.getString("eventId"), d.getString("eventType"), d.getString("status"), d.getInteger("attempts", 0), d.getDate("nextAttemptAt"),
                d.getDate("createdAt"), d.getDate("leaseUntil"), d.getString("claim"), d.getInteger("lastStatusCode"), d.getDate("deliveredAt"),
                shownError(d.getString("lastError")))).toList();
    }

    /**
     * A failure as its owner sees it: one of {@link WebhookHttp#CATEGORIES}. What older versions stored
     * (the exception's text, which named internal addresses) shows as "other".
     */
    public static String shownError(String stored) {
        return stored == null || WebhookHttp.CATEGORIES.contains(stored) || stored.equals(WebhookDelivery.SUBSCRIBER_REMOVED) ? stored : "other";
    }

    /** A public event, to the office's subscribers that want it; delivered by the schedule, so a slow subscriber holds up no event. */
    public void handle(DomainEvent event) {
        enqueue(event, store.office());
    }

    /** A member organisation's own news, to its own subscribers that want it. */
    public void tellOrganisation(String orgUscc, DomainEvent event) {
        enqueue(event, store.ofOrganisation(orgUscc));
    }

    private void enqueue(DomainEvent event, List<Subscription> to) {
        String type = EventCatalog.entryFor(event.getClass()).type();
        String payload = null;
        for (Subscription s : to) {
            if (s.wants(type)) {
                payload = payload == null ? EventJson.write(event) : payload;
                String id = UUID.nameUUIDFromBytes((event.eventId() + "|" + s.id()).getBytes(StandardCharsets.UTF_8)).toString();
                store.enqueue(id, s, event.eventId().toString(), type, payload, clock.instant()); // false: there already
            }
        }
    }

    /** The owning organisation of what a member registers; null for the office's. */
    private static String ownerOf(CurrentUser user) {
        if (user.isOffice()) {
            return null;
        }
        return user.organisation().orElseThrow(() -> Refusal.forbidden("没有所属会员单位的用户不能登记推送地址"));
    }

    /** The subscriber if this user may act on it: the office on any, a member on its organisation's own. */
    private Subscription visible(CurrentUser user, String id) {
        String owner = ownerOf(user);
        return store.find(id).filter(s -> owner == null || owner.equals(s.ownerOrgUscc())).orElseThrow(() -> notFound(id));
    }

    private static Refusal notFound(String id) {
        return Refusal.notFound("订阅 " + id + " 不存在");
    }
}
