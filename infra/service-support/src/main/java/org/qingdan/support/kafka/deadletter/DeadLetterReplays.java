package org.qingdan.support.kafka.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * What was replayed, one small document per dead letter in {@code deadLetterReplays}, keyed by
 * {@code <dead-letter topic>/<partition>/<offset>} (the only identity a Kafka record has).
 * <p>
 * The document is inserted <em>before</em> the record is sent, as a claim (claim first, then act, like
 * {@link org.qingdan.support.consume.SideEffectClaims}): the unique {@code _id} makes the insert the decision, so
 * two admins, a double click or two instances replaying the same dead letter at once send it once; a
 * check-then-send would let both through, and a record written after the send would be lost by a crash
 * between the two, allowing a second replay later. A failed send gives the claim back at once; a claim left
 * by a process that died mid-send ({@code sending} older than {@link #STALE}, far longer than a send may take:
 * {@code delivery.timeout.ms} 20 s plus {@code max.block.ms} 10 s) may be taken over, so no dead letter
 * is locked for good. Replaying twice would be harmless for state anyway (consumers are idempotent), but
 * refusing keeps the answer honest ("already replayed, when, by whom") and spares a second round through a
 * consumer that may still refuse it.
 * <p>
 * Growth: one document per replayed dead letter, so bounded by what reaches the dead-letter topics. If a
 * dead-letter topic were deleted and created again its offsets restart; the documents of the old one
 * would then have to be removed with it (they also record the event id, to tell).
 */
public class DeadLetterReplays {

    static final String COLLECTION = "deadLetterReplays";
    static final Duration STALE = Duration.ofMinutes(2);
    static final String SENDING = "sending";
    static final String REPLAYED = "replayed";

    private final MongoTemplate mongo;
    private final Clock clock;

    DeadLetterReplays(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    static String id(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }

    /** A replay as recorded. */
    public record Replay(String status, Instant at, String by, String toTopic, Integer toPartition, Long toOffset) {
        static Replay of(Document d) {
            Date at = d.getDate("at");
            return new Replay(d.getString("status"), at == null ? null : at.toInstant(), d.getString("by"),
                    d.getString("toTopic"), d.getInteger("toPartition"),
                    d.get("toOffset") == null ? null : ((Number) d.get("toOffset")).longValue());
        }
    }

    /** The replays of these dead letters (a page's worth: one query). */
    Map<String, Replay> find(Collection<String> ids) {
        Map<String, Replay> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Document d : mongo.getCollection(COLLECTION).find(new Document("_id", new Document("$in", ids)))) {
            found.put(d.getString("_id"), Replay.of(d));
        }
        return found;
    }

    /** Replays of one dead-letter topic, counted in the database. */
    long count(String deadLetterTopic) {
        return mongo.count(Query.query(Criteria.where("_id").regex("^" + java.util.regex.Pattern.quote(deadLetterTopic + "/"))),
                COLLECTION);
    }

    /** Claims the replay: null if this caller may send now, else the replay that was there first. */
    Replay claim(String id, String eventId, String by) {
        Instant now = clock.instant();
        try {
            mongo.insert(new Document("_id", id).append("status", SENDING).append("at", Date.from(now))
                    .append("by", by).append("eventId", eventId), COLLECTION);
            return null;
        } catch (DuplicateKeyException taken) {
            Document stale = mongo.findAndModify(
                    Query.query(Criteria.where("_id").is(id).and("status").is(SENDING).and("at").lt(Date.from(now.minus(STALE)))),
                    new Update().set("at", Date.from(now)).set("by", by),
                    FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
            if (stale != null) {
                return null;
            }
            Document existing = mongo.getCollection(COLLECTION).find(new Document("_id", id)).first();
            return existing == null ? claim(id, eventId, by) : Replay.of(existing);
        }
    }

    Replay sent(String id, String toTopic, int toPartition, long toOffset) {
        Document d = mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
                new Update().set("status", REPLAYED).set("at", Date.from(clock.instant()))
                        .set("toTopic", toTopic).set("toPartition", toPartition).set("toOffset", toOffset),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION);
        return d == null ? null : Replay.of(d);
    }

    /** Gives the claim back after the broker did not take the record, so that it may be replayed again. */
    void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(id).and("status").is(SENDING)), COLLECTION);
    }
}
