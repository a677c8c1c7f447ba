package org.qingdan.review.discussion.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qingdan.review.discussion.domain.Post;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.support.outbox.AggregateStore;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** A case's thread on the real wire server: its latest posts, oldest of them first, other cases' posts apart. */
class PostStoreTest {

    @Test
    void a_thread_reads_its_latest_posts_in_order_on_its_index() {
        var mongo = ReviewFixtures.freshDatabase();
        PostStore store = new PostStore(mongo, new AggregateStore(mongo, "/review-service", () -> { }));
        Instant t = Instant.parse("2026-12-01T02:00:00Z");
        for (int i = 0; i < 5; i++) {
            store.insert(new Post("p" + i, "case-1", "r1", "专家r1", Post.Role.EXPERT, "第 " + i + " 条", t.plusSeconds(i)), ContractSamples.discussionPosted("case-1"));
        }
        store.insert(new Post("other", "case-2", "office", "office", Post.Role.OFFICE, "别的案件", t), ContractSamples.discussionPosted("case-2"));
        assertThat(store.latest("case-1", 3)).extracting(Post::id).containsExactly("p2", "p3", "p4");
        assertThat(store.latest("case-2", 100)).extracting(Post::text).containsExactly("别的案件");
        assertThat(store.latest("none", 100)).isEmpty();
        // each post carries the event that tells of it, for the relay
        assertThat(mongo.getCollection("casePosts").find(new org.bson.Document("_id", "p0")).first().getList("pendingEvents", org.bson.Document.class))
                .singleElement().satisfies(e -> assertThat(e.getString("type")).isEqualTo("review.discussion-posted.v1"));
        assertThat(mongo.indexOps(PostStore.PostDocument.class).getIndexInfo()).extracting(IndexInfo::getName).contains("case-posted");
    }

    @Test
    void a_post_is_required_and_bounded() {
        assertThat(Post.problem(" ")).isEqualTo("required");
        assertThat(Post.problem("长".repeat(Post.MAX_TEXT + 1))).isEqualTo("max-length");
        assertThat(Post.problem("同意")).isNull();
    }
}
