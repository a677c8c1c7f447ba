package org.qingdan.application.publication.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.qingdan.application.publication.domain.Publication;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publications in MongoDB, one document per application, read and written by {@code _id} only. Each fact is one upsert
 * of its own fields, made only if the fact is newer than the one kept (by its own time), so a redelivered or replayed
 * event changes nothing and no read precedes a write.
 */
@Component
public class PublicationStore {

    private final MongoTemplate mongo;

    public PublicationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<Publication> find(String applicationId) {
        return Optional.ofNullable(mongo.findById(applicationId, PublicationDocument.class)).map(PublicationDocument::state);
    }

    /** The publications of at most a page of applications, on {@code _id}. */
    public Map<String, Publication> find(Collection<String> applicationIds) {
        if (applicationIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(applicationIds)), PublicationDocument.class).stream()
                .collect(java.util.stream.Collectors.toMap(PublicationDocument::id, PublicationDocument::state));
    }

    /**
     * Sets {@code timeField} to {@code at} and the other fields ({@code name, value} pairs) unless the kept fact of that
     * field is as new or newer; creates the document on the first fact.
     */
    public void record(String applicationId, String timeField, Instant at, Map<String, Object> fields) {
        String time = "state." + timeField;
        Update update = new Update().setOnInsert("state.applicationId", applicationId).set(time, at);
        fields.forEach((name, value) -> update.set("state." + name, value));
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(applicationId).and(time).not().gte(at)), update, PublicationDocument.class);
        } catch (DuplicateKeyException kept) {
            // the document exists with this fact as new or newer: heard before
        }
    }
}
