package org.qingdan.listing.change.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.listing.change.domain.EnterpriseChange;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.VersionedStore;
import org.qingdan.support.query.Page;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Change reports in MongoDB, one document each with its own outbox; lists are one page on an index, newest first. */
@Component
public class EnterpriseChangeStore implements VersionedStore<EnterpriseChange> {

    public static final String COLLECTION = "enterpriseChanges";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public EnterpriseChangeStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Document(COLLECTION)
    @CompoundIndexes({
            @CompoundIndex(name = "queue", def = "{'status': 1, 'reportedAt': -1, '_id': 1}"),
            @CompoundIndex(name = "of_listing", def = "{'listingId': 1, 'reportedAt': -1, '_id': 1}"),
            @CompoundIndex(name = "id_revision", def = "{'_id': 1, 'revision': 1}", unique = true)
    })
    public record ChangeDocument(@Id String id, @Version Long revision, EnterpriseChange change, String listingId,
                                 EnterpriseChange.Status status, Instant reportedAt) {
        static ChangeDocument of(EnterpriseChange c) {
            return new ChangeDocument(c.id(), null, c, c.listingId(), c.status(), c.reportedAt());
        }
    }

    @Override
    public Optional<Versioned<EnterpriseChange>> find(String id) {
        ChangeDocument doc = mongo.findById(id, ChangeDocument.class);
        return doc == null ? Optional.empty() : Optional.of(new Versioned<>(doc.change(), doc.revision()));
    }

    public void insert(EnterpriseChange change, List<? extends DomainEvent> events) {
        store.insert(ChangeDocument.of(change), events);
    }

    @Override
    public long update(Versioned<EnterpriseChange> read, EnterpriseChange next, List<? extends DomainEvent> events) {
        return store.update(ChangeDocument.of(next), read.version(), events);
    }

    /** One page, newest first: of one listing, or of one status, or all. */
    public Page<EnterpriseChange> page(String listingId, EnterpriseChange.Status status, int page, int size) {
        Criteria criteria = new Criteria();
        if (listingId != null) {
            criteria = criteria.and("listingId").is(listingId);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        long total = mongo.count(Query.query(criteria), ChangeDocument.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("reportedAt"), Sort.Order.asc("_id"))).skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, ChangeDocument.class).stream().map(ChangeDocument::change).toList(), page, size, total);
    }
}
