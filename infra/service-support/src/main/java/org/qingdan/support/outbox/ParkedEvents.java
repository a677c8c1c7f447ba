package org.qingdan.support.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The events the {@link OutboxRelay} parked beside their documents, read for admins: at most {@value #LIMIT}, oldest
 * documents first, collection by collection.
 */
public class ParkedEvents {

    public static final int LIMIT = 100;

    private final MongoTemplate mongo;
    private final OutboxProperties properties;

    public ParkedEvents(MongoTemplate mongo, OutboxProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    /** A parked event: which document, which event, why and when; its payload only by its size. */
    public record ParkedEvent(String collection, String documentId, String eventId, String type, String topic, int payloadBytes,
                              String failure, Instant parkedAt) {
    }

    public List<ParkedEvent> oldest() {
        List<ParkedEvent> out = new ArrayList<>();
        for (String collection : properties.getCollections()) {
            for (Document d : mongo.getCollection(collection)
                    .find(new Document(OutboxRelay.PARKED + ".0", new Document("$exists", true)))
                    .projection(new Document(OutboxRelay.PARKED, 1)).limit(LIMIT)) {
                for (Document e : d.getList(OutboxRelay.PARKED, Document.class, List.of())) {
                    if (out.size() >= LIMIT) {
                        return out;
                    }
                    Date at = e.getDate("parkedAt");
                    out.add(new ParkedEvent(collection, String.valueOf(d.get("_id")), e.getString("eventId"), e.getString("type"),
                            e.getString("topic"), e.getString("payload") == null ? 0 : e.getString("payload").length(),
                            e.getString("failure"), at == null ? null : at.toInstant()));
                }
            }
        }
        return out;
    }
}
