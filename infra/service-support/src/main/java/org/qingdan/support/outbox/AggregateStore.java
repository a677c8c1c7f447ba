package org.qingdan.support.outbox;

import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * Saves an aggregate's state and the events it raised in ONE single-document write (the outbox inside
 * the aggregate document, ARCHITECTURE.md): no event without its state change, no state change without
 * its event, and no multi-document transaction needed.
 *
 * <p>Updates {@code $set} the state, {@code $push} the new events and {@code $inc} the version, guarded by
 * the expected version (optimistic locking). The {@code pendingEvents} array is only ever appended to
 * here and only ever pulled from by the {@link OutboxRelay}, so a save never drops an event that is
 * still waiting, whatever the relay is doing at that moment.
 *
 * <p>Document classes are ordinary Spring Data mapped classes with an {@code @Id} and an {@code @Version}
 * field; their {@code pendingEvents} are not part of the mapped state.
 *
 * <p>A write that finds the version moved throws {@link OptimisticLockingFailureException}; every service retries its
 * whole read–decide–write with the one policy of {@link ConflictRetry}, through {@link VersionedStore#change}.
 */
public class AggregateStore {

    private final MongoTemplate mongo;
    private final String source;
    private final Runnable afterWrite;
    private final java.util.function.Supplier<String> traceparent;

    public AggregateStore(MongoTemplate mongo, String source, Runnable afterWrite) {
        this(mongo, source, afterWrite, () -> null);
    }

    /** {@code traceparent} gives the W3C trace context of the current request, or null. */
    public AggregateStore(MongoTemplate mongo, String source, Runnable afterWrite,
                          java.util.function.Supplier<String> traceparent) {
        this.mongo = mongo;
        this.source = source;
        this.afterWrite = afterWrite;
        this.traceparent = traceparent;
    }

    /** Inserts a new aggregate at version 0 with its first events. Fails with DuplicateKeyException if the id exists. */
    public long insert(Object document, List<? extends DomainEvent> events) {
        MongoPersistentEntity<?> entity = entityOf(document);
        Document bson = toBson(document);
        bson.put(versionField(entity), 0L);
        bson.put(PendingEvent.FIELD, pending(events));
        try {
            mongo.getCollection(entity.getCollection()).insertOne(bson);
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                throw new DuplicateKeyException("Aggregate " + bson.get("_id") + " exists already", e);
            }
            throw e;
        }
        wake(events);
        return 0L;
    }

    /**
     * Replaces the state of an existing aggregate that was read at {@code expectedVersion} and appends its
     * new events. Returns the new version.
     *
     * @throws OptimisticLockingFailureException when someone else changed (or removed) it since
     */
    public long update(Object document, long expectedVersion, List<? extends DomainEvent> events) {
        MongoPersistentEntity<?> entity = entityOf(document);
        String versionField = versionField(entity);
        Document bson = toBson(document);
        Object id = Objects.requireNonNull(bson.remove("_id"), "the document has no id");
        bson.remove(versionField);
        bson.remove(PendingEvent.FIELD);

        Document set = new Document(bson);
        Document unset = new Document();
        for (MongoPersistentProperty property : entity) {
            String field = property.getFieldName();
            if (!property.isIdProperty() && !property.isVersionProperty() && !bson.containsKey(field)) {
                unset.append(field, ""); // a field that became null must not keep its old value
            }
        }
        Document update = new Document("$set", set).append("$inc", new Document(versionField, 1L));
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        if (!events.isEmpty()) {
            update.append("$push", new Document(PendingEvent.FIELD, new Document("$each", pending(events))));
        }
        var result = mongo.getCollection(entity.getCollection())
                .updateOne(new Document("_id", id).append(versionField, expectedVersion), update);
        if (result.getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("Aggregate " + id + " in " + entity.getCollection()
                    + " is no longer at version " + expectedVersion);
        }
        wake(events);
        return expectedVersion + 1;
    }

    private List<Document> pending(List<? extends DomainEvent> events) {
        String trace = traceparent.get();
        return events.stream().map(e -> PendingEvent.of(e, source, trace).toDocument()).toList();
    }

    private Document toBson(Object document) {
        Document bson = new Document();
        mongo.getConverter().write(document, bson);
        return bson;
    }

    private MongoPersistentEntity<?> entityOf(Object document) {
        return mongo.getConverter().getMappingContext().getRequiredPersistentEntity(document.getClass());
    }

    private static String versionField(MongoPersistentEntity<?> entity) {
        PersistentProperty<?> version = entity.getVersionProperty();
        if (version == null) {
            throw new IllegalStateException(entity.getType().getName() + " needs an @Version field");
        }
        return ((MongoPersistentProperty) version).getFieldName();
    }

    private void wake(List<? extends DomainEvent> events) {
        if (!events.isEmpty()) {
            afterWrite.run();
        }
    }
}
