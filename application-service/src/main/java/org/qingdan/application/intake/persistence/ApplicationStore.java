package org.qingdan.application.intake.persistence;

import java.util.List;
import java.util.Optional;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.VersionedStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Applications in MongoDB; state and events go in one write through the outbox store. */
@Component
public class ApplicationStore implements VersionedStore<Application> {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public ApplicationStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public Optional<Versioned<Application>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ApplicationDocument.class))
                .map(d -> new Versioned<>(d.state(), d.version(), d.requestHash()));
    }

    /** Newest first; {@code ownerUscc} null means every organisation (the office). */
    public List<Application> list(String ownerUscc, String callId, ApplicationStatus status, int page, int size) {
        Criteria criteria = new Criteria();
        if (ownerUscc != null) {
            criteria = criteria.and("state.ownerUscc").is(ownerUscc);
        }
        if (callId != null) {
            criteria = criteria.and("state.callId").is(callId);
        }
        if (status != null) {
            criteria = criteria.and("state.status").is(status);
        }
        Query query = Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "state.createdAt").and(Sort.by("_id")))
                .skip((long) page * size).limit(size);
        return mongo.find(query, ApplicationDocument.class).stream().map(ApplicationDocument::state).toList();
    }

    /**
     * The applications whose current form names this organisation as a participant, newest first, one page: a query on
     * the {@code participant} index (the participants' USCCs, multikey, then the creation time).
     */
    public List<Versioned<Application>> naming(String participantUscc, int page, int size) {
        Query query = Query.query(Criteria.where("state.draft.participants.uscc").is(participantUscc))
                .with(Sort.by(Sort.Direction.DESC, "state.createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return mongo.find(query, ApplicationDocument.class).stream().map(d -> new Versioned<>(d.state(), d.version(), d.requestHash())).toList();
    }

    /**
     * The ids of returned applications whose correction deadline is at or before {@code now}, the most overdue first, at
     * most {@code limit}: a query on the {@code correction_due} index (status and due date, exactly its keys), never a
     * scan of the applications.
     */
    public List<String> correctionsDueBy(java.time.Instant now, int limit) {
        Query query = Query.query(Criteria.where("state.status").is(ApplicationStatus.RETURNED.name()).and("state.correctionDueAt").lte(now))
                .with(Sort.by("state.correctionDueAt")).limit(limit);
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, "applications").stream().map(d -> d.getString("_id")).toList();
    }

    public long insert(Application application, String requestHash, List<? extends DomainEvent> events) {
        return store.insert(new ApplicationDocument(application.id(), null, application, requestHash), events);
    }

    @Override
    public long update(Versioned<Application> read, Application next, List<? extends DomainEvent> events) {
        return store.update(new ApplicationDocument(next.id(), null, next, read.requestHash()), read.version(), events);
    }
}
