package org.qingdan.support.lease;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Named leases in one MongoDB collection, so that one instance at a time does a piece of work (listing-service's
 * notice-end schedule and migration, application-service's correction deadlines). A lease expires by itself when its holder dies; the holder may
 * take it again before it expires.
 */
public final class Leases {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final String collection;
    private final String owner = UUID.randomUUID().toString();

    public Leases(MongoTemplate mongo, Clock clock, String collection) {
        this.mongo = mongo;
        this.clock = clock;
        this.collection = collection;
    }

    /** Takes the lease {@code name} for {@code length}; false while another instance holds it. */
    public boolean acquire(String name, Duration length) {
        var now = clock.instant();
        try {
            mongo.getCollection(collection).findOneAndUpdate(
                    new Document("_id", name).append("$or", List.of(new Document("until", new Document("$lt", Date.from(now))),
                            new Document("owner", owner))),
                    new Document("$set", new Document("owner", owner).append("until", Date.from(now.plus(length)))),
                    new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (com.mongodb.MongoCommandException | com.mongodb.MongoWriteException | DuplicateKeyException held) {
            return false; // the upsert collided with a live lease of another instance
        }
    }

    public void release(String name) {
        mongo.getCollection(collection).deleteOne(new Document("_id", name).append("owner", owner));
    }
}
