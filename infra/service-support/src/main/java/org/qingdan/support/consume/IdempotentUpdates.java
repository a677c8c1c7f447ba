package org.qingdan.support.consume;

import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Applies an event's state change at most once: ONE conditional update both changes the document and
 * records the event id ({@code processedEventIds: {$ne: id}}), so a redelivered event finds nothing to
 * update. Never check-then-act.
 */
public class IdempotentUpdates {

    public static final String PROCESSED = "processedEventIds";

    private final MongoTemplate mongo;

    public IdempotentUpdates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Changes an existing document. Returns false if the event was applied before or the document does not exist. */
    public boolean applyOnce(String collection, Object id, UUID eventId, Update change) {
        var result = mongo.updateFirst(notYet(id, eventId), change.push(PROCESSED, eventId.toString()), collection);
        return result.getModifiedCount() > 0;
    }

    /**
     * Changes the document, creating it if it does not exist yet (e.g. the event that opens a review
     * case). Returns false if the event was applied before.
     */
    public boolean upsertOnce(String collection, Object id, UUID eventId, Update change) {
        try {
            var result = mongo.upsert(notYet(id, eventId), change.push(PROCESSED, eventId.toString()), collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists and has the event: the filter missed it, so the upsert tried to insert
            return false;
        }
    }

    private static Query notYet(Object id, UUID eventId) {
        return Query.query(Criteria.where("_id").is(id).and(PROCESSED).ne(eventId.toString()));
    }
}
