package org.qingdan.review.reviewcase.persistence;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.review.reviewcase.domain.Assignment;
import org.qingdan.review.reviewcase.domain.CallRef;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.VersionedStore;
import org.qingdan.support.query.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The review cases in MongoDB. Lists are read one page at a time in the database, with the indexes that
 * {@link ReviewCaseDocument} declares; nothing here reads the whole collection.
 */
@Component
public class ReviewCaseStore implements VersionedStore<ReviewCase> {

    /** Newest first, then by id: a stable order, so that consecutive pages neither repeat nor skip a case. */
    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "state.openedAt").and(Sort.by(Sort.Direction.ASC, "_id"));

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public ReviewCaseStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public Optional<Versioned<ReviewCase>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReviewCaseDocument.class)).map(d -> new Versioned<>(d.state(), d.version()));
    }

    /**
     * One page of cases, newest first: all of them, or those of one status, or (with {@code activeReviewer})
     * only those where that expert's assignment is active — an expert who declared a conflict no longer sees
     * the case.
     */
    public Page<ReviewCase> page(CaseStatus status, String activeReviewer, int page, int size) {
        return page(new org.qingdan.review.reviewcase.CaseQuery(status, page, size), activeReviewer, Instant.now());
    }

    /**
     * One page of the list the query describes, counted and read in the database: the status, call and tab filters
     * are equalities on indexed fields; "overdue" asks for an open review (of this expert, when one is given) due
     * before {@code now}; the order ends on the id so that pages neither repeat nor skip a case.
     */
    public Page<ReviewCase> page(org.qingdan.review.reviewcase.CaseQuery query, String activeReviewer, Instant now) {
        Criteria criteria = new Criteria();
        if (activeReviewer != null) {
            criteria = criteria.and("state.assignments").elemMatch(
                    Criteria.where("reviewerId").is(activeReviewer).and("status").is(Assignment.Status.ACTIVE.name()));
        }
        if (query.status() != null) {
            criteria = criteria.and("state.status").is(query.status().name());
        } else if (query.tab() != null) {
            criteria = criteria.and("state.status").in(query.tab().statuses().stream().map(Enum::name).toList());
        }
        if (query.callId() != null) {
            criteria = criteria.and("state.call.callId").is(query.callId());
        }
        if (query.overdue()) {
            Criteria late = Criteria.where("dueAt").lt(now);
            criteria = criteria.and("openReviews").elemMatch(activeReviewer == null ? late : late.and("reviewerId").is(activeReviewer));
        }
        Sort order = switch (query.order()) {
            case NEWEST -> NEWEST_FIRST;
            case OLDEST -> Sort.by(Sort.Direction.ASC, "state.openedAt").and(Sort.by(Sort.Direction.ASC, "_id"));
            case DUE -> Sort.by(Sort.Direction.ASC, "nextDueAt").and(Sort.by(Sort.Direction.ASC, "_id"));
        };
        long total = mongo.count(Query.query(criteria), ReviewCaseDocument.class);
        List<ReviewCase> items = mongo.find(Query.query(criteria).with(order).skip(query.skip()).limit(query.size()),
                ReviewCaseDocument.class).stream().map(ReviewCaseDocument::state).toList();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /**
     * The calls that have cases, newest year first: a distinct over the first key of the {@code call-newest} index
     * (calls are few, a handful a year), then one indexed lookup per call for its title.
     */
    public List<CallRef> calls() {
        List<CallRef> calls = new java.util.ArrayList<>();
        for (String callId : mongo.getCollection(ReviewCaseDocument.COLLECTION).distinct("state.call.callId", String.class)) {
            Document one = mongo.getCollection(ReviewCaseDocument.COLLECTION).find(new Document("state.call.callId", callId))
                    .projection(new Document("state.call", 1)).limit(1).first();
            Document call = one == null ? null : one.get("state", Document.class).get("call", Document.class);
            if (call != null) {
                calls.add(new CallRef(callId, call.getString("title"), call.getInteger("year", 0)));
            }
        }
        calls.sort(java.util.Comparator.comparingInt(CallRef::year).reversed().thenComparing(CallRef::callId));
        return calls;
    }

    /**
     * Open assignments per expert: active assignments without a submitted review, on cases still under review
     * (OPEN or ASSIGNED). Computed in the database over the cases under review only (the status index), and
     * only {reviewerId, count} pairs come back, at most one per expert: no case is read into memory.
     */
    public Map<String, Integer> openLoads() {
        return loads(null);
    }

    /** The open load of one expert, counted like {@link #openLoads()} over that expert's cases only. */
    public int openLoad(String reviewerId) {
        return loads(reviewerId).getOrDefault(reviewerId, 0);
    }

    private Map<String, Integer> loads(String reviewerId) {
        Document match = new Document("state.status", new Document("$in", List.of(CaseStatus.OPEN.name(), CaseStatus.ASSIGNED.name())));
        if (reviewerId != null) {
            match.append("state.assignments.reviewerId", reviewerId);
        }
        // per case: the experts with an active assignment, less those who submitted their review
        Document activeExperts = map(filter("$state.assignments", "a", new Document("$eq", List.of("$$a.status", Assignment.Status.ACTIVE.name()))),
                "a", "$$a.reviewerId");
        Document submittedExperts = map(filter("$state.reviews", "r", new Document("$eq", List.of("$$r.submitted", true))),
                "r", "$$r.reviewerId");
        List<Document> pipeline = List.of(
                new Document("$match", match),
                new Document("$project", new Document("_id", 0)
                        .append("open", new Document("$setDifference", List.of(activeExperts, submittedExperts)))),
                new Document("$unwind", "$open"),
                new Document("$group", new Document("_id", "$open").append("load", new Document("$sum", 1))));
        Map<String, Integer> loads = new HashMap<>();
        for (Document row : mongo.getCollection(ReviewCaseDocument.COLLECTION).aggregate(pipeline)) {
            loads.put(row.getString("_id"), ((Number) row.get("load")).intValue());
        }
        return loads;
    }

    private static Document filter(String array, String as, Document cond) {
        return new Document("$filter", new Document("input", new Document("$ifNull", List.of(array, List.of())))
                .append("as", as).append("cond", cond));
    }

    private static Document map(Document input, String as, String in) {
        return new Document("$map", new Document("input", input).append("as", as).append("in", in));
    }

    public void insert(ReviewCase reviewCase) {
        store.insert(ReviewCaseDocument.of(reviewCase), List.of());
    }

    @Override
    public long update(Versioned<ReviewCase> read, ReviewCase next, List<? extends DomainEvent> events) {
        return store.update(ReviewCaseDocument.of(next), read.version(), events);
    }
}
