package org.qingdan.notification.notification.persistence;

import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The delivery states shared by mail and webhooks: PENDING → SENDING (claimed with a lease) → DELIVERED,
 * or back to RETRYING with a back-off, or FAILED with the reason after the last attempt. A claim is one
 * conditional update, so two instances never deliver the same thing at once, and a crashed instance's
 * lease expires instead of blocking. HELD waits for an operator (a paused webhook subscriber).
 */
public class DeliveryQueue {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String RETRYING = "RETRYING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";
    public static final String HELD = "HELD";

    private final MongoTemplate mongo;
    private final String collection;
    private final Duration lease;

    public DeliveryQueue(MongoTemplate mongo, String collection, Duration lease) {
        this.mongo = mongo;
        this.collection = collection;
        this.lease = lease;
    }

    /** Claims a due item; null if it is not due, not waiting, or someone else holds it. */
    public Document claim(String id, Instant now) {
        Document due = new Document("_id", id).append("$or", List.of(
                new Document("status", new Document("$in", List.of(PENDING, RETRYING)))
                        .append("nextAttemptAt", new Document("$lte", Date.from(now))),
                new Document("status", SENDING).append("leaseUntil", new Document("$lt", Date.from(now)))));
        return mongo.getCollection(collection).findOneAndUpdate(due,
                new Document("$set", new Document("status", SENDING).append("leaseUntil", Date.from(now.plus(lease))))
                        .append("$inc", new Document("attempts", 1)),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }

    public void delivered(String id, Instant now) {
        mongo.getCollection(collection).updateOne(new Document("_id", id), new Document("$set",
                new Document("status", DELIVERED).append("deliveredAt", Date.from(now)).append("lastError", null)));
    }

    /** After a failed attempt: retry later, or fail for good with the reason after {@code maxAttempts}. */
    public boolean failed(String id, int attempts, int maxAttempts, String error, Instant now) {
        boolean last = attempts >= maxAttempts;
        Document set = new Document("status", last ? FAILED : RETRYING).append("lastError", error)
                .append("nextAttemptAt", Date.from(now.plus(backOff(attempts))));
        mongo.getCollection(collection).updateOne(new Document("_id", id), new Document("$set", set));
        return last;
    }

    /** An operator's retry of a failed item: a fresh set of attempts, due now. */
    public boolean retry(String id, Instant now) {
        return mongo.getCollection(collection).updateOne(new Document("_id", id).append("status", new Document("$in", List.of(FAILED, HELD))),
                new Document("$set", new Document("status", PENDING).append("attempts", 0).append("nextAttemptAt", Date.from(now))))
                .getModifiedCount() > 0;
    }

    /** Ids of items due now (waiting, or claimed by an instance whose lease ran out). */
    public List<String> due(Instant now, int limit) {
        List<String> ids = new ArrayList<>();
        mongo.getCollection(collection).find(new Document("$or", List.of(
                        new Document("status", new Document("$in", List.of(PENDING, RETRYING)))
                                .append("nextAttemptAt", new Document("$lte", Date.from(now))),
                        new Document("status", SENDING).append("leaseUntil", new Document("$lt", Date.from(now))))))
                .projection(new Document("_id", 1)).limit(limit).forEach(d -> ids.add(d.getString("_id")));
        return ids;
    }

    /** 2 s, 4 s, 8 s ... at most 10 minutes. */
    static Duration backOff(int attempts) {
        long seconds = (long) Math.min(600, Math.pow(2, Math.max(1, attempts)));
        return Duration.ofSeconds(seconds);
    }
}
