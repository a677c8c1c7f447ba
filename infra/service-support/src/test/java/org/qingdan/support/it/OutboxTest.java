package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.OutboxProperties;
import org.qingdan.support.outbox.OutboxRelay;
import org.qingdan.support.outbox.PendingEvent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.kafka.core.KafkaTemplate;

class OutboxTest extends SupportIntegrationTest {

    @Autowired
    AggregateStore store;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void an_event_saved_with_its_state_is_published_and_then_removed_from_the_document() {
        ApplicationWithdrawn event = Events.withdrawn("outbox-1", "首次");
        store.insert(new TestApp.Widget("outbox-1", null, "部件", "备注"), List.of(event));

        Document saved = widget("outbox-1");
        assertThat(saved.getString("name")).isEqualTo("部件");
        assertThat(saved.get("version", Number.class).longValue()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawal("outbox-1") != null);
        await().atMost(Duration.ofSeconds(5)).until(() -> widget("outbox-1").getList(PendingEvent.FIELD, Document.class).isEmpty());
        assertThat(widget("outbox-1")).doesNotContainKey("outboxLease");
    }

    @Test
    void an_event_the_broker_refuses_for_good_is_parked_and_neither_its_document_nor_the_others_stall() {
        // larger than the producer's 1 MB max.request.size: RecordTooLargeException, every time
        ApplicationWithdrawn huge = Events.withdrawn("outbox-big", "很长的理由".repeat(300_000));
        ApplicationWithdrawn after = Events.withdrawn("outbox-big", "之后的事件");
        store.insert(new TestApp.Widget("outbox-big", null, "大部件", null), List.of(huge, after));
        store.insert(new TestApp.Widget("outbox-small", null, "小部件", null), List.of(Events.withdrawn("outbox-small", "正常")));

        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawal("outbox-small") != null);
        await().atMost(Duration.ofSeconds(20)).until(() -> widget("outbox-big").getList(PendingEvent.FIELD, Document.class).isEmpty());
        await().atMost(Duration.ofSeconds(20)).until(() -> withdrawal("outbox-big") != null); // the event after it went out
        List<Document> parked = widget("outbox-big").getList(OutboxRelay.PARKED, Document.class);
        assertThat(parked).singleElement().satisfies(p -> {
            assertThat(p.getString("eventId")).isEqualTo(huge.eventId().toString());
            assertThat(p.getString("failure")).contains("RecordTooLarge");
        });
        assertThat(widget("outbox-big")).doesNotContainKey("outboxLease");
        assertThat(meters.counter("qingdan.outbox.parked").count()).isGreaterThanOrEqualTo(1);

        // an admin sees it; nobody else does
        var api = new org.qingdan.testsupport.HttpApi(port);
        var listed = api.get("/admin/outbox/parked", org.qingdan.testsupport.HttpApi.token("root", null, null, "admin"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(huge.eventId().toString()).contains("RecordTooLarge").doesNotContain("很长的理由很长的理由");
        assertThat(org.qingdan.testsupport.JsonShape.of(listed.json().get(0))).isEqualTo(
                "{collection:s,documentId:s,eventId:s,type:s,topic:s,payloadBytes:0,failure:s,parkedAt:tZ}");
        assertThat(api.get("/admin/outbox/parked", org.qingdan.testsupport.HttpApi.token("u", "911301027356003226", "乙", "applicant"))
                .status()).isEqualTo(403);
    }

    @Test
    void a_stale_update_changes_nothing_and_adds_no_event() {
        store.insert(new TestApp.Widget("outbox-2", null, "部件", "备注"), List.of());
        long v1 = store.update(new TestApp.Widget("outbox-2", null, "改名", null), 0, List.of());
        assertThat(v1).isEqualTo(1);
        assertThat(widget("outbox-2")).doesNotContainKey("note"); // a field set to null is removed, not kept

        assertThatThrownBy(() -> store.update(new TestApp.Widget("outbox-2", null, "迟到的修改", null), 0,
                List.of(Events.withdrawn("outbox-2", "不应发布")))).isInstanceOf(OptimisticLockingFailureException.class);

        Document after = widget("outbox-2");
        assertThat(after.getString("name")).isEqualTo("改名");
        assertThat(after.getList(PendingEvent.FIELD, Document.class)).isEmpty();
        assertThatThrownBy(() -> store.insert(new TestApp.Widget("outbox-2", null, "重复", null), List.of()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void several_relays_publish_everything_without_blocking_each_other() throws Exception {
        OutboxProperties properties = new OutboxProperties();
        properties.setCollections(List.of("widgets"));
        properties.setRelayEnabled(false); // driven by hand below
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            String id = "multi-" + i;
            ids.add(id);
            // inserted directly, so that no running relay is woken and the two below compete
            mongo.getCollection("widgets").insertOne(new Document("_id", id).append("version", 0L)
                    .append(PendingEvent.FIELD, List.of(PendingEvent.of(Events.withdrawn(id, "并发"), "/test").toDocument()))
                    .append("outboxLease", new Document("owner", "someone-else").append("until", Date.from(Instant.now().plusSeconds(2)))));
        }
        OutboxRelay a = new OutboxRelay(mongo, kafka, properties, "relay-a", Clock.systemUTC(), new SimpleMeterRegistry());
        OutboxRelay b = new OutboxRelay(mongo, kafka, properties, "relay-b", Clock.systemUTC(), new SimpleMeterRegistry());

        // a third relay died holding every lease: nothing moves until the leases expire, then a and b take over
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Future<Integer> fa = pool.submit(a::publishPending);
                Future<Integer> fb = pool.submit(b::publishPending);
                fa.get();
                fb.get();
                return ids.stream().allMatch(id -> widget(id).getList(PendingEvent.FIELD, Document.class).isEmpty());
            });
        } finally {
            pool.shutdownNow();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> withdrawal(id) != null));
        for (String id : ids) {
            assertThat(withdrawal(id).getInteger("applied")).isEqualTo(1);
        }
    }
}
