package org.qingdan.notification.delivery.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The claim of a batch against the wire server: only what is due, once, and again after the lease. */
class DeliveryQueueTest {

    private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");

    private DeliveryQueue queue;
    private MongoTemplate mongo;
    private final String collection = "queue-" + UUID.randomUUID();

    @BeforeEach
    void items() {
        mongo = new MongoTemplate(MongoClients.create(RealInfrastructure.mongo().uri("delivery-queue")), "delivery-queue");
        queue = new DeliveryQueue(mongo, collection, Duration.ofMinutes(2));
        mongo.getCollection(collection).insertMany(List.of(
                item("due", DeliveryQueue.PENDING, NOW.minusSeconds(1), null),
                item("retry-due", DeliveryQueue.RETRYING, NOW, null),
                item("retry-later", DeliveryQueue.RETRYING, NOW.plusSeconds(60), null),
                item("held-by-other", DeliveryQueue.SENDING, NOW, NOW.plusSeconds(30)),
                item("lease-ran-out", DeliveryQueue.SENDING, NOW, NOW.minusSeconds(1)),
                item("done", DeliveryQueue.DELIVERED, NOW, null),
                item("paused", DeliveryQueue.HELD, NOW, null)));
    }

    @Test
    void a_batch_claim_takes_exactly_the_due_items_and_counts_an_attempt() {
        List<String> all = List.of("due", "retry-due", "retry-later", "held-by-other", "lease-ran-out", "done", "paused", "missing");

        List<Document> claimed = queue.claimAll(all, NOW);

        assertThat(claimed).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder("due", "retry-due", "lease-ran-out");
        assertThat(claimed).allSatisfy(d -> {
            assertThat(d.getString("status")).isEqualTo(DeliveryQueue.SENDING);
            assertThat(d.getInteger("attempts")).isEqualTo(2);
            assertThat(d.getDate("leaseUntil")).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(2))));
        });
        assertThat(status("held-by-other")).isEqualTo(DeliveryQueue.SENDING);
        assertThat(mongo.getCollection(collection).find(new Document("_id", "held-by-other")).first().getInteger("attempts")).isEqualTo(1);
        assertThat(status("retry-later")).isEqualTo(DeliveryQueue.RETRYING);
        assertThat(queue.due(NOW, 100)).isEmpty();
    }

    @Test
    void a_second_claim_of_the_same_items_gets_nothing_until_the_lease_runs_out() {
        List<String> ids = List.of("due", "retry-due");
        assertThat(queue.claimAll(ids, NOW)).hasSize(2);

        assertThat(queue.claimAll(ids, NOW.plusSeconds(119))).isEmpty();
        assertThat(queue.claim("due", NOW.plusSeconds(119))).isNull();
        assertThat(queue.claimAll(ids, NOW.plusSeconds(121))).extracting(d -> d.getInteger("attempts")).containsExactly(3, 3);
    }

    @Test
    void delivered_items_are_recorded_in_one_update_and_never_due_again() {
        queue.claimAll(List.of("due", "retry-due"), NOW);

        queue.delivered(List.of("due", "retry-due"), NOW.plusSeconds(1));

        assertThat(status("due")).isEqualTo(DeliveryQueue.DELIVERED);
        assertThat(status("retry-due")).isEqualTo(DeliveryQueue.DELIVERED);
        assertThat(queue.due(NOW.plus(Duration.ofHours(1)), 100)).containsExactlyInAnyOrder("retry-later", "held-by-other", "lease-ran-out");
        assertThat(queue.claimAll(List.of(), NOW)).isEmpty();
    }

    private String status(String id) {
        return mongo.getCollection(collection).find(new Document("_id", id)).first().getString("status");
    }

    private static Document item(String id, String status, Instant next, Instant leaseUntil) {
        return new Document("_id", id).append("status", status).append("attempts", 1)
                .append("nextAttemptAt", Date.from(next)).append("leaseUntil", leaseUntil == null ? null : Date.from(leaseUntil));
    }
}
