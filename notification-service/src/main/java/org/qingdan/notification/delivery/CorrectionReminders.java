package org.qingdan.notification.delivery;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.ApplicationNotAccepted;
import org.qingdan.contracts.application.ApplicationResubmitted;
import org.qingdan.contracts.application.ApplicationReturnedForCorrection;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.notification.delivery.domain.NotificationPlan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds the applicant once, {@code qingdan.notifications.correction-reminder-before} ahead of the deadline of a
 * return for correction (补正期限), unless it corrected and resubmitted, withdrew, or was not accepted meanwhile.
 * The due reminders are found on the {@code open_remindAt} index (exactly its keys), a hundred at a time, never by a
 * scan; each reminder's notification id is derived from the return, so inserting it is the claim and several
 * instances remind once; then the reminder is closed.
 */
@Component
public class CorrectionReminders {

    static final String COLLECTION = "corrections";
    private final MongoTemplate mongo;
    private final NotificationService notifications;
    private final Clock clock;
    private final Duration before;

    public CorrectionReminders(MongoTemplate mongo, NotificationService notifications, Clock clock,
                               @Value("${qingdan.notifications.correction-reminder-before:P3D}") Duration before) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.clock = clock;
        this.before = before;
        mongo.getCollection(COLLECTION).createIndex(new Document("open", 1).append("remindAt", 1), new IndexOptions().name("open_remindAt"));
        mongo.getCollection(COLLECTION).createIndex(new Document("applicationId", 1), new IndexOptions().name("applicationId"));
    }

    public void learn(DomainEvent event) {
        if (event instanceof ApplicationReturnedForCorrection r && r.correctionDueAt() != null) {
            // one per return (application and version): a redelivery writes the same document again
            mongo.getCollection(COLLECTION).replaceOne(new Document("_id", r.aggregateId() + "|" + r.formVersion()),
                    new Document("applicationId", r.aggregateId()).append("formVersion", r.formVersion())
                            .append("productName", r.productName()).append("applicantUscc", r.applicantUscc())
                            .append("contactName", r.contact() == null ? null : r.contact().name())
                            .append("contactEmail", r.contact() == null ? null : r.contact().email())
                            .append("dueAt", Date.from(r.correctionDueAt()))
                            .append("remindAt", Date.from(r.correctionDueAt().minus(before))).append("open", true),
                    new ReplaceOptions().upsert(true));
        } else if (event instanceof ApplicationResubmitted r) {
            close(r.aggregateId()); // corrected in time
        } else if (event instanceof ApplicationWithdrawn w) {
            close(w.aggregateId());
        } else if (event instanceof ApplicationNotAccepted n) {
            close(n.aggregateId()); // refused or lapsed: nothing left to correct
        }
    }

    private void close(String applicationId) {
        mongo.getCollection(COLLECTION).updateMany(new Document("applicationId", applicationId).append("open", true),
                new Document("$set", new Document("open", false)));
    }

    @Scheduled(fixedDelayString = "${qingdan.notifications.reminder-interval:PT5M}", initialDelayString = "PT10S")
    public void remind() {
        Date now = Date.from(clock.instant());
        var due = mongo.getCollection(COLLECTION).find(new Document("open", true).append("remindAt", new Document("$lte", now)))
                .limit(BATCH).into(new java.util.ArrayList<>());
        for (Document d : due) {
            // the notification's id is derived from the return: inserting it is the claim, a second instance's insert
            // finds it there; a crash before the flag below only repeats an insert that changes nothing
            notifications.create("correction-reminder|" + d.getString("_id"), "application.correction-reminder",
                    d.getString("applicationId"), NotificationPlan.correctionReminder(d.getString("contactEmail"),
                            d.getString("contactName"), d.getString("applicantUscc"), d.getString("productName"),
                            d.getInteger("formVersion"), d.getDate("dueAt").toInstant()));
            mongo.getCollection(COLLECTION).updateOne(new Document("_id", d.getString("_id")).append("open", true),
                    new Document("$set", new Document("open", false).append("remindedAt", now)));
        }
    }

    static final int BATCH = 100;
}
