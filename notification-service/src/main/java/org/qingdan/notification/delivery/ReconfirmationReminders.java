package org.qingdan.notification.delivery;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.listing.ProductDelisted;
import org.qingdan.contracts.listing.ProductListed;
import org.qingdan.contracts.listing.Reconfirmed;
import org.qingdan.notification.contact.ContactBook;
import org.qingdan.notification.delivery.domain.NotificationPlan;
import org.qingdan.support.lease.Leases;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the lead applicant of a listed product of its yearly re-confirmation (年度确认) 30, 7 and 0 days before the
 * anniversary, by mail (its designated contact) and in its organisation's inbox. One document per listing, learned
 * from ProductListed and Reconfirmed (the next anniversary), closed by ProductDelisted. The schedule runs on one
 * instance at a time (a lease, as listing-service's NoticeSchedule), finds the due reminders on the
 * {@code open_remindAt} index a hundred at a time, and derives each notification's id from the listing, the
 * anniversary and the stage, so even two runs remind once. A stage already past when learned is skipped for the
 * latest one due.
 */
@Component
public class ReconfirmationReminders {

    static final String COLLECTION = "reconfirmations";
    /** Days before the anniversary, in the order they come. */
    static final List<Integer> STAGES = List.of(30, 7, 0);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final NotificationService notifications;
    private final ContactBook contacts;
    private final Clock clock;
    private final Leases leases;

    public ReconfirmationReminders(MongoTemplate mongo, NotificationService notifications, ContactBook contacts, Clock clock) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.contacts = contacts;
        this.clock = clock;
        this.leases = new Leases(mongo, clock, "scheduleLocks");
        mongo.getCollection(COLLECTION).createIndex(new Document("open", 1).append("remindAt", 1), new IndexOptions().name("open_remindAt"));
    }

    public void learn(DomainEvent event) {
        if (event instanceof ProductListed e) {
            var lead = e.product().leadApplicant() != null ? e.product().leadApplicant() : e.product().enterprise();
            schedule(e.aggregateId(), Reconfirmed.anniversaryAfter(e.listedAt()), new Document("productName", e.product().productName())
                    .append("leadUscc", lead.uscc()).append("leadName", lead.name()));
        } else if (event instanceof Reconfirmed e) {
            schedule(e.aggregateId(), e.nextDueAt(), new Document("productName", e.productName()));
        } else if (event instanceof ProductDelisted e) {
            mongo.getCollection(COLLECTION).updateOne(new Document("_id", e.aggregateId()), new Document("$set", new Document("open", false)));
        }
    }

    /** The next anniversary of a listing: its reminders start again at the first stage (a redelivery writes the same). */
    private void schedule(String listingId, Instant dueAt, Document fields) {
        fields.append("dueAt", Date.from(dueAt)).append("stage", 0).append("remindAt", Date.from(stageAt(dueAt, 0))).append("open", true);
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", listingId), new Document("$set", fields), new UpdateOptions().upsert(true));
    }

    private static Instant stageAt(Instant dueAt, int stage) {
        return dueAt.minus(Duration.ofDays(STAGES.get(stage)));
    }

    @Scheduled(fixedDelayString = "${qingdan.notifications.reminder-interval:PT5M}", initialDelayString = "PT15S")
    public void remind() {
        if (!leases.acquire("reconfirmation-reminders", Duration.ofMinutes(2))) {
            return;
        }
        try {
            Instant now = clock.instant();
            var due = mongo.getCollection(COLLECTION).find(new Document("open", true).append("remindAt", new Document("$lte", Date.from(now))))
                    .limit(BATCH).into(new java.util.ArrayList<>());
            for (Document d : due) {
                Instant dueAt = d.getDate("dueAt").toInstant();
                int stage = d.getInteger("stage", 0);
                while (stage + 1 < STAGES.size() && !stageAt(dueAt, stage + 1).isAfter(now)) {
                    stage++; // learned late: only the latest stage already due is sent
                }
                int days = STAGES.get(stage);
                String listingId = d.getString("_id");
                var contact = contacts.of(listingId);
                notifications.create("reconfirmation-reminder|" + listingId + "|" + dueAt + "|" + days, "listing.reconfirmation-reminder", listingId,
                        NotificationPlan.reconfirmationReminder(contact.map(c -> c.email()).orElse(null), d.getString("leadName"),
                                d.getString("leadUscc"), d.getString("productName"), dueAt, days));
                Document next = stage + 1 < STAGES.size()
                        ? new Document("stage", stage + 1).append("remindAt", Date.from(stageAt(dueAt, stage + 1)))
                        : new Document("open", false);
                // guarded by the anniversary: a Reconfirmed meanwhile set a new one, which this must not close
                mongo.getCollection(COLLECTION).updateOne(new Document("_id", listingId).append("dueAt", d.getDate("dueAt")),
                        new Document("$set", next));
            }
        } finally {
            leases.release("reconfirmation-reminders");
        }
    }
}
