package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.support.outbox.OutboxRelay;
import org.qingdan.support.outbox.PendingEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** At-least-once delivery meets idempotent consumers: every event delivered twice, one effect each. */
class DuplicateDeliveryTest extends SupportIntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    TestApp.WithdrawalProjector projector;
    @Autowired
    AggregateStore store;
    @Autowired
    OutboxRelay relay;

    @Test
    void every_event_delivered_twice_has_one_effect() throws Exception {
        List<ApplicationWithdrawn> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(Events.withdrawn("dup-" + i, "第" + i + "次撤回"));
        }
        int mailsBefore = projector.mailsSent.get();
        for (ApplicationWithdrawn event : events) {
            kafka.send(CloudEventRecords.of(event, "/test")).get();
        }
        for (ApplicationWithdrawn event : events) {
            kafka.send(CloudEventRecords.of(event, "/test")).get();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (ApplicationWithdrawn event : events) {
                assertThat(projector.attempts.get(event.aggregateId())).as(event.aggregateId()).hasValue(2);
            }
        });
        for (ApplicationWithdrawn event : events) {
            Document applied = withdrawal(event.aggregateId());
            assertThat(applied.getInteger("applied")).as(event.aggregateId()).isEqualTo(1);
            assertThat(applied.getString("reason")).isEqualTo(event.reason());
        }
        assertThat(projector.mailsSent.get() - mailsBefore).isEqualTo(events.size());
    }

    @Test
    void a_relay_that_dies_after_publishing_but_before_removing_publishes_again_and_the_consumer_applies_once() {
        ApplicationWithdrawn event = Events.withdrawn("relay-crash-1", "重复发布");
        store.insert(new TestApp.Widget("relay-crash-1", null, "部件", null), List.of(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawal("relay-crash-1") != null);

        // the crash: the broker had the event, but the $pull never happened, so the event is pending again
        mongo.getCollection("widgets").updateOne(new Document("_id", "relay-crash-1"), new Document("$push",
                new Document(PendingEvent.FIELD, PendingEvent.of(event, "/support-test").toDocument())));
        relay.wakeUp();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(projector.attempts.get("relay-crash-1")).hasValue(2));
        assertThat(withdrawal("relay-crash-1").getInteger("applied")).isEqualTo(1);
        assertThat(widget("relay-crash-1").getList(PendingEvent.FIELD, Document.class)).isEmpty();
    }
}
