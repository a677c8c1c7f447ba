package org.qingdan.review.reviewer.persistence;

import java.util.List;
import java.util.Optional;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The reviewer pool in MongoDB. */
@Component
public class ReviewerStore {

    @Document("reviewers")
    record ReviewerDocument(@Id String id, Reviewer reviewer) {
    }

    private final MongoTemplate mongo;

    public ReviewerStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(Reviewer reviewer) {
        mongo.save(new ReviewerDocument(reviewer.id(), reviewer));
    }

    public Optional<Reviewer> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ReviewerDocument.class)).map(ReviewerDocument::reviewer);
    }

    /**
     * The whole pool. The pool is the office's curated list of experts (hundreds at most, growing with the
     * association's experts, not with applications), so automatic assignment and the pool page read it whole.
     */
    public List<Reviewer> all() {
        return mongo.find(new Query().with(Sort.by("_id")), ReviewerDocument.class).stream().map(ReviewerDocument::reviewer).toList();
    }
}
