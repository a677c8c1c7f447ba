package org.qingdan.application.call.persistence;

import java.util.List;
import java.util.Optional;
import org.qingdan.application.call.domain.Call;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.VersionedStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Calls in MongoDB. */
@Component
public class CallStore implements VersionedStore<Call> {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public CallStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public Optional<Versioned<Call>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CallDocument.class))
                .map(d -> new Versioned<>(d.state(), d.version(), d.requestHash()));
    }

    public List<Versioned<Call>> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "state.year", "state.createdAt")), CallDocument.class)
                .stream().map(d -> new Versioned<>(d.state(), d.version(), d.requestHash())).toList();
    }

    /** Inserts; a DuplicateKeyException means the id (an idempotency key's) exists already. */
    public long insert(Call call, String requestHash) {
        return store.insert(new CallDocument(call.id(), null, call, requestHash), List.of());
    }

    /** The state and its events in one write: the events wait in the document's outbox until published. */
    @Override
    public long update(Versioned<Call> read, Call next, List<? extends DomainEvent> events) {
        return store.update(new CallDocument(next.id(), null, next, read.requestHash()), read.version(), events);
    }

    /**
     * The calls open at {@code now} by status and closing time, closing soonest first: a query on the
     * {@code status_closes} index, at most {@value #MAX_OPEN} (calls are few; never the whole collection).
     */
    public List<Call> openAt(java.time.Instant now) {
        Query query = Query.query(org.springframework.data.mongodb.core.query.Criteria.where("state.status").is(Call.CallStatus.OPEN.name())
                        .and("state.closesAt").gt(now))
                .with(Sort.by(Sort.Direction.ASC, "state.closesAt").and(Sort.by("_id"))).limit(MAX_OPEN);
        return mongo.find(query, CallDocument.class).stream().map(CallDocument::state).toList();
    }

    static final int MAX_OPEN = 100;
}
