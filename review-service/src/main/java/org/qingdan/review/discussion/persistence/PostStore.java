package org.qingdan.review.discussion.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qingdan.review.discussion.domain.Post;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.outbox.AggregateStore;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The discussions in a collection of their own, one document per post: a thread grows without bound, so it stays
 * out of the case's document; a case's thread is read newest first on its index, at most one page. Each post's
 * document carries its own outbox, so the notice of a post cannot be lost between the insert and the broker.
 */
@Component
public class PostStore {

    @Document("casePosts")
    @CompoundIndex(name = "case-posted", def = "{'post.caseId': 1, 'post.postedAt': -1, '_id': -1}")
    record PostDocument(@Id String id, @Version Long version, Post post) {
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public PostStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The post and the event that tells its readers of it, in one insert (the outbox in the post's document). */
    public void insert(Post post, DomainEvent posted) {
        store.insert(new PostDocument(post.id(), null, post), List.of(posted));
    }

    /** The latest {@code limit} posts of a case, oldest of them first, as a thread reads. */
    public List<Post> latest(String caseId, int limit) {
        Query query = Query.query(Criteria.where("post.caseId").is(caseId))
                .with(Sort.by(Sort.Direction.DESC, "post.postedAt").and(Sort.by(Sort.Direction.DESC, "_id"))).limit(limit);
        List<Post> posts = new ArrayList<>(mongo.find(query, PostDocument.class).stream().map(PostDocument::post).toList());
        Collections.reverse(posts);
        return posts;
    }
}
