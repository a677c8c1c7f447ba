package org.qingdan.notification.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.EventCatalog;
import org.qingdan.contracts.listing.ObjectionDecided;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.PublicNoticeStarted;
import org.qingdan.contracts.listing.ReportClosed;
import org.qingdan.notification.contact.ContactBook;
import org.qingdan.notification.delivery.domain.Channel;
import org.qingdan.notification.delivery.domain.Contact;
import org.qingdan.notification.delivery.domain.NotificationPlan;
import org.qingdan.notification.delivery.domain.Planned;
import org.qingdan.notification.delivery.domain.Recipients;
import org.qingdan.notification.delivery.mail.MailGateway;
import org.qingdan.notification.delivery.mail.TemplateRenderer;
import org.qingdan.notification.delivery.persistence.DeliveryQueue;
import org.qingdan.notification.delivery.persistence.NotificationDocument;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Turns events into notifications, exactly one per (event, recipient, channel): the insert of the
 * notification, whose id is derived from the three, is the claim. Mail is sent right away and retried
 * with back-off until delivered, or failed with its reason for the office to retry; nothing is dropped.
 */
@Service
public class NotificationService {

    private final MongoTemplate mongo;
    private final ContactBook contacts;
    private final TemplateRenderer templates;
    private final MailGateway mail;
    private final Clock clock;
    private final Recipients recipients;
    private final int maxAttempts;
    private final DeliveryQueue queue;
    private final MeterRegistry meters;

    public NotificationService(MongoTemplate mongo, ContactBook contacts, TemplateRenderer templates, MailGateway mail,
                               Clock clock, MeterRegistry meters,
                               @Value("${qingdan.notifications.office-email:office@qingdan.local}") String officeEmail,
                               @Value("${qingdan.notifications.members-email:members@qingdan.local}") String membersEmail,
                               @Value("${qingdan.notifications.max-attempts:6}") int maxAttempts) {
        this.mongo = mongo;
        this.contacts = contacts;
        this.templates = templates;
        this.mail = mail;
        this.clock = clock;
        this.meters = meters;
        this.recipients = new Recipients(officeEmail, membersEmail);
        this.maxAttempts = maxAttempts;
        this.queue = new DeliveryQueue(mongo, NotificationDocument.COLLECTION, Duration.ofMinutes(2));
    }

    public void handle(DomainEvent event) {
        contacts.learn(event);
        // the reporter of a report: its organisation's designated contact, as its latest application named it
        Optional<Contact> known = event instanceof ReportClosed closed ? contacts.ofOrganisation(closed.reporterOrgUscc())
                : applicationOf(event).flatMap(contacts::of);
        String type = EventCatalog.entryFor(event.getClass()).type();
        create(event.eventId().toString(), type, event.aggregateId(), NotificationPlan.forEvent(event, known, recipients));
    }

    /**
     * Creates the planned notifications that do not exist yet. Inbox items are delivered by being there;
     * mail is sent by the delivery schedule (every {@code retry-interval}), never from the consumer's
     * thread: a slow SMTP server then holds up no event, and one sender per instance claims each mail.
     */
    public List<String> create(String eventId, String eventType, String aggregateId, List<Planned> plan) {
        List<String> created = new ArrayList<>();
        for (Planned p : plan) {
            String id = UUID.nameUUIDFromBytes((eventId + "|" + p.channel() + "|" + p.recipient()).getBytes(StandardCharsets.UTF_8)).toString();
            TemplateRenderer.Rendered content = templates.render(p.template(), p.values());
            boolean inbox = p.channel() == Channel.INBOX;
            NotificationDocument doc = new NotificationDocument(id, eventId, eventType, aggregateId, p.channel(), p.recipient(),
                    p.recipientName(), content.subject(), content.text(), inbox ? null : content.html(),
                    inbox ? DeliveryQueue.DELIVERED : DeliveryQueue.PENDING, 0, null, clock.instant(), null, clock.instant(),
                    inbox ? clock.instant() : null, List.of());
            try {
                mongo.insert(doc);
                created.add(id);
            } catch (DuplicateKeyException alreadyThere) {
                continue; // redelivered event or another instance: that notification exists and is someone's to send
            }
        }
        return created;
    }

    /** One attempt at a due mail; no-op if it is not due or another instance holds it. */
    public void deliver(String id) {
        deliver(List.of(id));
    }

    /**
     * One attempt at each of these due mails that this instance can claim, sent over one SMTP connection. What
     * went is first remembered as sent (in memory, which cannot fail), then recorded: if MongoDB fails meanwhile,
     * the next tick records it before anything else, and it is never sent again by this instance.
     */
    private void deliver(List<String> ids) {
        // those sent already wait only for their record in MongoDB
        List<Document> claimed = queue.claimAll(ids.stream().filter(id -> !sentNotRecorded.contains(id)).toList(), clock.instant());
        Map<String, String> failures = mail.sendAll(claimed.stream().map(d -> new MailGateway.Mail(d.getString("_id"),
                d.getString("recipient").substring("mailto:".length()), d.getString("subject"), d.getString("text"),
                d.getString("html"))).toList());
        List<String> sent = new ArrayList<>();
        for (Document d : claimed) {
            if (!failures.containsKey(d.getString("_id"))) {
                sent.add(d.getString("_id"));
                sentNotRecorded.add(d.getString("_id"));
                meters.counter("qingdan.notifications.sent", "channel", "email").increment();
            }
        }
        for (Document d : claimed) {
            String failure = failures.get(d.getString("_id"));
            if (failure != null) {
                boolean failed = queue.failed(d.getString("_id"), d.getInteger("attempts"), maxAttempts, failure, clock.instant());
                meters.counter(failed ? "qingdan.notifications.failed" : "qingdan.notifications.retried", "channel", "email").increment();
            }
        }
        queue.delivered(sent, clock.instant());
        sent.forEach(sentNotRecorded::remove);
    }

    /**
     * Mails this instance sent whose delivery it could not record yet (MongoDB unreachable right after the send;
     * found by the fault suite: a cut of the link there sent the mail again once the claim's lease ran out).
     * Recorded before anything else is claimed, and never sent again meanwhile. Only a crash of the instance in
     * that window can still send a mail twice.
     */
    private final java.util.Set<String> sentNotRecorded = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public void deliverDue() {
        List<String> unrecorded = List.copyOf(sentNotRecorded);
        queue.delivered(unrecorded, clock.instant()); // throws while MongoDB is still unreachable: nothing else is tried
        unrecorded.forEach(sentNotRecorded::remove);
        // a backlog (after an outage of the mail server, or of MongoDB, or thousands of submissions at once) is
        // drained batch after batch, not one batch per interval; a delivery that fails is not due again until its
        // back-off, so this ends; bounded so that one tick never runs for ever
        for (int batch = 0; batch < MAX_BATCHES_PER_TICK; batch++) {
            List<String> due = queue.due(clock.instant(), BATCH);
            for (int from = 0; from < due.size(); from += PER_CONNECTION) {
                deliver(due.subList(from, Math.min(due.size(), from + PER_CONNECTION)));
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    private static final int BATCH = 100;
    /**
     * Mails sent over one SMTP connection: few enough that even a server that lets each run into its timeouts
     * (10 s to write, 10 s to answer) ends the batch within the claims' 2-minute lease, after which another
     * instance could send them; enough to spread the connection's handshake (5 mails: about 3× the rate of a
     * connection per mail against the devstack's server).
     */
    private static final int PER_CONNECTION = 5;
    private static final int MAX_BATCHES_PER_TICK = 50;

    /** The office's retry of a mail that failed for good: due again now, sent by the schedule. */
    public boolean retry(String id) {
        return queue.retry(id, clock.instant());
    }

    private static Optional<String> applicationOf(DomainEvent event) {
        // listings are keyed by the application they came from
        if (event instanceof PublicNoticeStarted || event instanceof ProductListed || event instanceof ProductDelisted
                || event instanceof ObjectionDecided) {
            return Optional.of(event.aggregateId());
        }
        if (event instanceof ReviewCaseClosed closed) {
            return Optional.of(closed.applicationId());
        }
        return Optional.empty();
    }
}
