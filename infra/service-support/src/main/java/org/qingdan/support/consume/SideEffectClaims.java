package org.qingdan.support.consume;

import java.time.Clock;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Claim first, then act: a side effect (a mail, a webhook call) happens only for whoever inserted its
 * claim {@code {_id: eventId + recipient + channel}}. The unique {@code _id} makes the insert the
 * decision; a duplicate key means another delivery or instance has it.
 */
public class SideEffectClaims {

    public static final String COLLECTION = "sideEffectClaims";

    private final MongoTemplate mongo;
    private final Clock clock;

    public SideEffectClaims(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public static String key(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (Object part : parts) {
            if (!key.isEmpty()) {
                key.append('|');
            }
            key.append(part);
        }
        return key.toString();
    }

    /** True if this caller now owns the side effect, false if it was claimed before. */
    public boolean claim(String key) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", key).append("claimedAt", Date.from(clock.instant())));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        }
    }

    /** Gives a claim back after the side effect failed for good, so that a redelivery may try again. */
    public void release(String key) {
        mongo.getCollection(COLLECTION).deleteOne(new Document("_id", key));
    }
}
