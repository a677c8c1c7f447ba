package org.qingdan.listing.register;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.qingdan.listing.register.persistence.EditionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Lists products whose public notice ended. Safe with several instances: a lease in MongoDB lets one
 * instance run at a time, and the transition itself is idempotent and guarded by each listing's revision,
 * so even two runs at once list each product once. It also finishes what a crash interrupted: changes
 * still waiting for their edition, and a head behind the last edition.
 */
@Component
public class NoticeSchedule {

    private static final Logger log = LoggerFactory.getLogger(NoticeSchedule.class);
    private static final String LOCKS = "scheduleLocks";

    private final RegisterService register;
    private final EditionStore editions;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();

    public NoticeSchedule(RegisterService register, EditionStore editions, MongoTemplate mongo, Clock clock) {
        this.register = register;
        this.editions = editions;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${qingdan.listing.schedule-interval:PT30S}", initialDelayString = "PT5S")
    public void run() {
        if (!acquire("notice-end", Duration.ofMinutes(2))) {
            return;
        }
        try {
            editions.head(); // rolls the head forward over an edition a crash left ahead of it
            int completed = register.completePending();
            if (completed > 0) {
                log.info("{} change(s) of the list a crash left without their edition got it now", completed);
            }
            int listed = register.listDue();
            if (listed > 0) {
                log.info("public notice ended for {} product(s): listed", listed);
            }
        } finally {
            release("notice-end");
        }
    }

    boolean acquire(String name, Duration lease) {
        var now = clock.instant();
        try {
            Document claimed = mongo.getCollection(LOCKS).findOneAndUpdate(
                    new Document("_id", name).append("$or", java.util.List.of(
                            new Document("until", new Document("$lt", Date.from(now))),
                            new Document("owner", owner))),
                    new Document("$set", new Document("owner", owner).append("until", Date.from(now.plus(lease)))),
                    new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (com.mongodb.MongoCommandException | com.mongodb.MongoWriteException e) {
            return false; // the upsert collided with a live lock of another instance
        }
    }

    void release(String name) {
        mongo.getCollection(LOCKS).deleteOne(new Document("_id", name).append("owner", owner));
    }
}
