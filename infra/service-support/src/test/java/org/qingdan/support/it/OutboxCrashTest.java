package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.outbox.AggregateStore;
import org.qingdan.support.outbox.PendingEvent;
import org.qingdan.testsupport.RealInfrastructureInitializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The process stops between the state write and the publish: a first instance writes the aggregate
 * with its event and goes away before its relay ran; after the restart the event is delivered, and the
 * idempotent consumer applies it once even though it arrives again.
 */
class OutboxCrashTest {

    private ConfigurableApplicationContext start(String database, String group, boolean relay) {
        return new SpringApplicationBuilder(TestApp.class)
                .initializers(new RealInfrastructureInitializer())
                .properties("qingdan.test.database=" + database, "test.projector.group=" + group,
                        "qingdan.outbox.relay-enabled=" + relay, "server.port=0")
                .run();
    }

    @Test
    void an_event_written_before_a_crash_is_delivered_after_the_restart_and_applied_once() {
        String database = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "crash-projector-" + database;
        ApplicationWithdrawn event = Events.withdrawn("crash-1", "进程在发布前退出");

        try (ConfigurableApplicationContext beforeCrash = start(database, group, false)) {
            beforeCrash.getBean(AggregateStore.class).insert(new TestApp.Widget("crash-1", null, "部件", null), List.of(event));
            Document written = beforeCrash.getBean(MongoTemplate.class).getCollection("widgets").find(new Document("_id", "crash-1")).first();
            assertThat(written.getList(PendingEvent.FIELD, Document.class)).extracting(d -> d.getString("eventId"))
                    .containsExactly(event.eventId().toString());
        } // the process is gone: nothing was published

        try (ConfigurableApplicationContext afterRestart = start(database, group, true)) {
            MongoTemplate mongo = afterRestart.getBean(MongoTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    mongo.getCollection("withdrawals").find(new Document("_id", "crash-1")).first() != null);
            await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getCollection("widgets")
                    .find(new Document("_id", "crash-1")).first().getList(PendingEvent.FIELD, Document.class).isEmpty());

            // the same event once more, as a relay that died after the send would deliver it
            afterRestart.getBean(org.springframework.kafka.core.KafkaTemplate.class)
                    .send(org.qingdan.support.outbox.CloudEventRecords.of(event, "/support-test"));
            TestApp.WithdrawalProjector projector = afterRestart.getBean(TestApp.WithdrawalProjector.class);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(projector.attempts.get("crash-1")).hasValue(2));
            assertThat(mongo.getCollection("withdrawals").find(new Document("_id", "crash-1")).first().getInteger("applied"))
                    .isEqualTo(1);
        }
    }
}
