package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Poison never blocks a partition: unreadable records land in the dead-letter topic at once, a record that
 * always fails with an exception of no known class after bounded attempts, each with the failure in its
 * headers, and the records behind them (same key, so same partition) are processed.
 */
class PoisonRecordTest extends SupportIntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    TestApp.WithdrawalProjector projector;

    @Test
    void unreadable_and_always_failing_records_are_dead_lettered_and_the_rest_is_processed() throws Exception {
        String key = "poison-partition";
        // 1. not JSON at all, though it claims a known type
        ProducerRecord<Object, Object> garbage = new ProducerRecord<>(Topics.APPLICATION_EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8));
        garbage.headers().add(new RecordHeader(CloudEventHeaders.TYPE, ApplicationWithdrawn.TYPE.getBytes(StandardCharsets.UTF_8)));
        garbage.headers().add(new RecordHeader(CloudEventHeaders.ID, "garbage-1".getBytes(StandardCharsets.UTF_8)));
        // 2. a Java class name instead of a logical type, the coupling we refuse
        ProducerRecord<Object, Object> javaType = new ProducerRecord<>(Topics.APPLICATION_EVENTS, key, "{}");
        javaType.headers().add(new RecordHeader("__TypeId__", ApplicationWithdrawn.class.getName().getBytes(StandardCharsets.UTF_8)));
        // 3. readable, but the consumer always fails on it
        ApplicationWithdrawn failing = Events.withdrawn(key, "always-fails");
        // 4. a good record behind them, same key and so same partition
        ApplicationWithdrawn good = Events.withdrawn("poison-after", "正常撤回");
        ProducerRecord<Object, Object> goodRecord = CloudEventRecords.of(good, "/test");
        ProducerRecord<Object, Object> goodOnPoisonedPartition = new ProducerRecord<>(goodRecord.topic(), null, key,
                goodRecord.value(), goodRecord.headers());

        kafka.send(garbage).get();
        kafka.send(javaType).get();
        kafka.send(CloudEventRecords.of(failing, "/test")).get();
        kafka.send(goodOnPoisonedPartition).get();

        await().atMost(Duration.ofSeconds(30)).until(() -> withdrawal("poison-after") != null);
        // bounded: the first attempt and max-retries (2) more, never again
        assertThat(projector.attempts.get(key)).hasValue(3);

        List<ConsumerRecord<String, byte[]>> deadLetters = readDeadLetters(key, 3);
        assertThat(deadLetters).hasSize(3);
        Map<String, String> first = headers(deadLetters.get(0));
        assertThat(first).containsKey("kafka_dlt-exception-fqcn").containsEntry("kafka_dlt-original-topic", Topics.APPLICATION_EVENTS);
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        Map<String, String> third = headers(deadLetters.get(2));
        assertThat(third.get("kafka_dlt-exception-message")).contains("this record can never be processed");
        assertThat(third).containsEntry(CloudEventHeaders.ID, failing.eventId().toString());
        assertThat(projector.attempts.get(key)).hasValue(3);
    }

    private static List<ConsumerRecord<String, byte[]>> readDeadLetters(String key, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "dlt-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.APPLICATION_EVENTS)));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new java.util.HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
