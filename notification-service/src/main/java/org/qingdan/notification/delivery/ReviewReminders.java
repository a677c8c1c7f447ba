package org.qingdan.notification.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.review.ReviewSubmitted;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewerAssigned;
import org.qingdan.contracts.review.ReviewerRecused;
import org.qingdan.contracts.review.ReviewerUnassigned;
import org.qingdan.notification.delivery.domain.NotificationPlan;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Reminds each assigned reviewer once, {@code qingdan.notifications.reminder-before} ahead of the review
 * deadline, unless it has submitted its review or stepped aside, and while the case is still open. The reminder's id is derived from the assignment, so several
 * instances remind once.
 */
@Component
public class ReviewReminders {

    static final String COLLECTION = "assignments";
    /** Applications withdrawn: an assignment learned after the withdrawal gets no reminder. */
    static final String ENDED = "endedApplications";
    private final MongoTemplate mongo;
    private final NotificationService notifications;
    private final Clock clock;
    private final Duration before;

    public ReviewReminders(MongoTemplate mongo, NotificationService notifications, Clock clock,
                           @Value("${qingdan.notifications.reminder-before:P2D}") Duration before) {
        this.mongo = mongo;
        this.notifications = notifications;
        this.clock = clock;
        this.before = before;
    }

    public void learn(DomainEvent event) {
        if (event instanceof ReviewerAssigned a) {
            mongo.getCollection(COLLECTION).replaceOne(new Document("_id", a.aggregateId() + "|" + a.reviewerId()),
                    new Document("applicationId", a.applicationId()).append("reviewerId", a.reviewerId())
                            .append("reviewerName", a.reviewerName()).append("reviewerEmail", a.reviewerEmail())
                            .append("productName", a.productName()).append("dueAt", Date.from(a.dueAt()))
                            .append("remindAt", Date.from(a.dueAt().minus(before))).append("open", true),
                    new com.mongodb.client.model.ReplaceOptions().upsert(true));
            // the withdrawal travels on another topic and may have arrived first: then no reminder (checked after
            // the write, so that whichever of the two comes second closes it)
            if (mongo.getCollection(ENDED).find(new Document("_id", a.applicationId())).first() != null) {
                close(a.applicationId());
            }
        } else if (event instanceof ReviewSubmitted s) {
            closeOne(s.aggregateId(), s.reviewerId()); // done: no reminder for a review already in
        } else if (event instanceof ReviewerRecused r) {
            closeOne(r.aggregateId(), r.reviewerId()); // stepped aside: nothing left to remind of
        } else if (event instanceof ReviewerUnassigned u) {
            closeOne(u.aggregateId(), u.reviewerId()); // taken off by the office: no task left
        } else if (event instanceof ReviewCompleted c) {
            close(c.applicationId());
        } else if (event instanceof ApplicationWithdrawn w) {
            end(w.aggregateId());
        } else if (event instanceof ReviewCaseClosed closed) {
            end(closed.applicationId());
        }
    }

    /** No reminder for this application any more, whatever arrives later. */
    private void end(String applicationId) {
        mongo.getCollection(ENDED).replaceOne(new Document("_id", applicationId), new Document("_id", applicationId),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
        close(applicationId);
    }

    private void closeOne(String caseId, String reviewerId) {
        mongo.getCollection(COLLECTION).updateOne(new Document("_id", caseId + "|" + reviewerId), new Document("$set", new Document("open", false)));
    }

    private void close(String applicationId) {
        mongo.getCollection(COLLECTION).updateMany(new Document("applicationId", applicationId), new Document("$set", new Document("open", false)));
    }

    /** Run by {@link DeliverySchedule} on the reminders' own scheduler thread (every {@code reminder-interval}). */
    public void remind() {
        mongo.getCollection(COLLECTION).find(new Document("open", true).append("remindAt", new Document("$lte", Date.from(clock.instant()))))
                .forEach(a -> {
                    notifications.create("reminder|" + a.getString("_id"), "review.reminder", a.getString("applicationId"),
                            NotificationPlan.reminder(a.getString("reviewerId"), a.getString("reviewerName"),
                                    a.getString("reviewerEmail"), a.getString("productName"), a.getDate("dueAt").toInstant()));
                    mongo.getCollection(COLLECTION).updateOne(new Document("_id", a.getString("_id")),
                            new Document("$set", new Document("open", false)));
                });
    }
}
