package org.qingdan.review.discussion.persistence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.qingdan.review.discussion.domain.Post;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The discussions in a collection of their own, one document per post: a thread grows without bound, so it stays
 * out of the case's document; a case's thread is read newest first on its index, at most one page.
 */
@Component
public class PostStore {

    @Document("casePosts")
    @CompoundIndex(name = "case-posted", def = "{'post.caseId': 1, 'post.postedAt': -1, '_id': -1}")
    record PostDocument(@Id String id, Post post) {
    }

    private final MongoTemplate mongo;

    public PostStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void insert(Post post) {
        mongo.insert(new PostDocument(post.id(), post));
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
