package org.qingdan.review.reviewcase.persistence;

import java.util.List;
import java.util.Optional;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.support.outbox.AggregateStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

@Component
public class ReviewCaseStore {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public ReviewCaseStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    public record Versioned(ReviewCase reviewCase, long version) {
    }

    public Optional<Versioned> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReviewCaseDocument.class)).map(d -> new Versioned(d.state(), d.version()));
    }

    public List<ReviewCase> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "state.openedAt")), ReviewCaseDocument.class)
                .stream().map(ReviewCaseDocument::state).toList();
    }

    public List<ReviewCase> assignedTo(String reviewerId) {
        return mongo.find(Query.query(Criteria.where("state.assignments.reviewerId").is(reviewerId))
                .with(Sort.by(Sort.Direction.DESC, "state.openedAt")), ReviewCaseDocument.class)
                .stream().map(ReviewCaseDocument::state).toList();
    }

    public void insert(ReviewCase reviewCase) {
        store.insert(new ReviewCaseDocument(reviewCase.id(), null, reviewCase), List.of());
    }

    public long update(ReviewCase reviewCase, long expectedVersion, List<? extends DomainEvent> events) {
        return store.update(new ReviewCaseDocument(reviewCase.id(), null, reviewCase), expectedVersion, events);
    }
}
