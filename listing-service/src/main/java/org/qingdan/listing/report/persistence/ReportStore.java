package org.qingdan.listing.report.persistence;

import java.util.List;
import java.util.Optional;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.listing.report.domain.Report;
import org.qingdan.listing.report.domain.ReportScope;
import org.qingdan.listing.report.domain.ReportStatus;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.VersionedStore;
import org.qingdan.support.query.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Reports in MongoDB, one document each; every list is one page read on an index, newest first. */
@Component
public class ReportStore implements VersionedStore<Report> {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public ReportStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public Optional<Versioned<Report>> find(String id) {
        ReportDocument doc = mongo.findById(id, ReportDocument.class);
        return doc == null ? Optional.empty() : Optional.of(new Versioned<>(doc.report(), doc.revision(), doc.requestHash()));
    }

    /** Inserts; a DuplicateKeyException means the id (an Idempotency-Key's) exists already. */
    public void insert(Report report, String requestHash, List<? extends DomainEvent> events) {
        store.insert(ReportDocument.of(report, requestHash), events);
    }

    @Override
    public long update(Versioned<Report> read, Report next, List<? extends DomainEvent> events) {
        return store.update(ReportDocument.of(next, read.requestHash()), read.version(), events);
    }

    /** Reports of one organisation against one listing that the office has not decided yet (counted in MongoDB). */
    public long openOf(String listingId, String orgUscc) {
        return mongo.count(Query.query(Criteria.where("listingId").is(listingId).and("reporterOrg").is(orgUscc)
                .and("status").in(ReportStatus.FILED, ReportStatus.RESPONSE_REQUESTED, ReportStatus.RESPONDED)), ReportDocument.class);
    }

    /**
     * One page, newest first. ALL: every report (the office), optionally of one listing and status; FILED_BY: those the
     * organisation filed; ABOUT: those about the organisation's products (it is the enterprise or the lead applicant).
     */
    public Page<Report> page(ReportScope scope, String orgUscc, String listingId, ReportStatus status, int page, int size) {
        Criteria criteria = switch (scope) {
            case ALL -> new Criteria();
            case FILED_BY -> Criteria.where("reporterOrg").is(orgUscc);
            case ABOUT -> new Criteria().orOperator(Criteria.where("enterpriseUscc").is(orgUscc), Criteria.where("leadUscc").is(orgUscc));
        };
        if (listingId != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("listingId").is(listingId));
        }
        if (status != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("status").is(status));
        }
        long total = mongo.count(Query.query(criteria), ReportDocument.class);
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("filedAt"), Sort.Order.asc("_id")))
                .skip((long) page * size).limit(size);
        return new Page<>(mongo.find(query, ReportDocument.class).stream().map(ReportDocument::report).toList(), page, size, total);
    }
}
