package org.qingdan.notification.webhook.persistence;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.notification.delivery.persistence.DeliveryQueue;
import org.qingdan.notification.webhook.domain.Subscription;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The subscribers and their deliveries. A delivery's id is derived from event and subscriber, so inserting it
 * is the claim: a redelivered event finds it there. Every read is by id or on an index (the office's and an
 * organisation's subscribers by owner; a subscriber's deliveries; the due ones).
 */
@Repository
public class SubscriptionStore {

    public static final String DELIVERIES = "webhookDeliveries";

    private final MongoTemplate mongo;
    private final DeliveryQueue queue;

    public SubscriptionStore(MongoTemplate mongo) {
        this.mongo = mongo;
        this.queue = new DeliveryQueue(mongo, DELIVERIES, Duration.ofMinutes(1));
        mongo.getCollection(DELIVERIES).createIndex(new Document("subscriberId", 1).append("createdAt", -1),
                new IndexOptions().name("subscriber_createdAt"));
        mongo.getCollection(DELIVERIES).createIndex(new Document("status", 1).append("nextAttemptAt", 1), new IndexOptions().name("due"));
    }

    public DeliveryQueue queue() {
        return queue;
    }

    public void insert(Subscription s) {
        mongo.insert(SubscriberDocument.of(s));
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, SubscriberDocument.class)).map(SubscriberDocument::toDomain);
    }

    /** The office's subscribers (no owner: also every subscriber stored before members had any), oldest first. */
    public List<Subscription> office() {
        return owned(null);
    }

    /** An organisation's own subscribers, oldest first. */
    public List<Subscription> ofOrganisation(String orgUscc) {
        return owned(orgUscc);
    }

    private List<Subscription> owned(String orgUscc) {
        return mongo.find(Query.query(Criteria.where("ownerOrgUscc").is(orgUscc)).with(Sort.by("createdAt")), SubscriberDocument.class)
                .stream().map(SubscriberDocument::toDomain).toList();
    }

    public boolean remove(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), SubscriberDocument.class).getDeletedCount() > 0;
    }

    /** Active again, its failures forgotten, and what waited for it due now. */
    public boolean resume(String id, Instant now) {
        var result = mongo.getCollection(SubscriberDocument.COLLECTION).updateOne(new Document("_id", id),
                new Document("$set", new Document("paused", false).append("consecutiveFailures", 0).append("pausedAt", null)));
        if (result.getMatchedCount() == 0) {
            return false;
        }
        mongo.getCollection(DELIVERIES).updateMany(new Document("subscriberId", id).append("status", DeliveryQueue.HELD),
                new Document("$set", new Document("status", DeliveryQueue.PENDING).append("attempts", 0)
                        .append("nextAttemptAt", Date.from(now))));
        return true;
    }

    public void recordDelivered(String subscriberId) {
        mongo.getCollection(SubscriberDocument.COLLECTION).updateOne(new Document("_id", subscriberId),
                new Document("$set", new Document("consecutiveFailures", 0).append("lastError", null)));
    }

    /** Counts one more failure in a row; the subscriber as it is after, if it still exists. */
    public Optional<Subscription> recordFailure(String subscriberId, String error) {
        Document after = mongo.getCollection(SubscriberDocument.COLLECTION).findOneAndUpdate(new Document("_id", subscriberId),
                new Document("$inc", new Document("consecutiveFailures", 1)).append("$set", new Document("lastError", error)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return after == null ? Optional.empty() : find(subscriberId);
    }

    /** Pauses an active subscriber and holds back what waits for it; false if it was paused already (by another instance). */
    public boolean pause(String subscriberId, Instant now) {
        var paused = mongo.getCollection(SubscriberDocument.COLLECTION).updateOne(new Document("_id", subscriberId).append("paused", false),
                new Document("$set", new Document("paused", true).append("pausedAt", Date.from(now))));
        if (paused.getModifiedCount() == 0) {
            return false;
        }
        mongo.getCollection(DELIVERIES).updateMany(new Document("subscriberId", subscriberId)
                        .append("status", new Document("$in", List.of(DeliveryQueue.PENDING, DeliveryQueue.RETRYING))),
                new Document("$set", new Document("status", DeliveryQueue.HELD)));
        return true;
    }

    /** Enqueues one delivery; false if it exists (a redelivered event, another instance). */
    public boolean enqueue(String deliveryId, Subscription to, String eventId, String eventType, String payload, Instant now) {
        Document delivery = new Document("_id", deliveryId).append("subscriberId", to.id()).append("eventId", eventId)
                .append("eventType", eventType).append("payload", payload)
                .append("status", to.paused() ? DeliveryQueue.HELD : DeliveryQueue.PENDING).append("attempts", 0)
                .append("nextAttemptAt", Date.from(now)).append("createdAt", Date.from(now));
        try {
            mongo.getCollection(DELIVERIES).insertOne(delivery);
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    public void hold(String deliveryId) {
        mongo.getCollection(DELIVERIES).updateOne(new Document("_id", deliveryId), new Document("$set", new Document("status", DeliveryQueue.HELD)));
    }

    public void recordStatusCode(String deliveryId, int statusCode) {
        mongo.getCollection(DELIVERIES).updateOne(new Document("_id", deliveryId), new Document("$set", new Document("lastStatusCode", statusCode)));
    }

    /** A subscriber's latest deliveries, newest first, without their payloads. */
    public List<Document> deliveries(String subscriberId, int limit) {
        List<Document> found = new ArrayList<>();
        mongo.getCollection(DELIVERIES).find(new Document("subscriberId", subscriberId))
                .projection(new Document("payload", 0)).sort(new Document("createdAt", -1)).limit(limit).forEach(found::add);
        return found;
    }
}
