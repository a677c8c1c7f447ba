package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Errors by class, against the real broker: a transient failure is retried for as long as it lasts, in
 * order and applied once; what can never succeed goes to the dead-letter topic at once.
 * <p>
 * The outage of the first test lasts {@code qingdan.test.outage-attempts} failed attempts (12 by default:
 * about 4.7 s at the tests' back-off of 100 ms doubling to a cap of 500 ms) and at least
 * {@code qingdan.test.outage} (none by default); {@code -Dqingdan.test.outage=PT2M} runs the two minutes of
 * the issue. The default is already four times the attempts and three times the time after which the old
 * handler dead-lettered (4 attempts in 1.4 s in the services, 3 in 150 ms with these tests' settings), it
 * holds the back-off at its cap for eight attempts, and it outlasts the listener's {@code max.poll.interval.ms}
 * of 3 s.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorClassesTest extends SupportIntegrationTest {

    private static final String DEAD_LETTERS = Topics.deadLetterOf(TestApp.ERRORS_TOPIC);
    private static final int OUTAGE_ATTEMPTS = Integer.getInteger("qingdan.test.outage-attempts", 12);
    private static final Duration OUTAGE = Duration.parse(System.getProperty("qingdan.test.outage", "PT0S"));

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    TestApp.ErrorClassesListener listener;
    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void listenerHasItsPartitions() {
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.assignments.get() > 0);
    }

    @Test
    void a_listener_failing_transiently_is_retried_until_it_succeeds_in_order_applied_once_and_nothing_is_dead_lettered(
            CapturedOutput output) throws Exception {
        String key = "outage-" + UUID.randomUUID();
        ApplicationWithdrawn outage = Events.withdrawn(key, "outage");
        ApplicationWithdrawn second = Events.withdrawn(key, "第二个事件");
        ApplicationWithdrawn third = Events.withdrawn(key, "第三个事件");
        int assignments = listener.assignments.get();
        int revocations = listener.revocations.get();
        double retriesBefore = transientRetries();
        listener.outage(OUTAGE_ATTEMPTS, OUTAGE);

        for (ApplicationWithdrawn event : List.of(outage, second, third)) {
            send(event);
        }

        await().atMost(OUTAGE.plus(Duration.ofSeconds(90))).until(() -> listener.completed.contains(id(third)));
        // the partition waited: nothing behind the failing event went ahead of it
        assertThat(listener.completed.stream().filter(id -> List.of(id(outage), id(second), id(third)).contains(id)))
                .containsExactly(id(outage), id(second), id(third));
        int failures = listener.attempts.get(id(outage)).get() - 1;
        assertThat(failures).isGreaterThanOrEqualTo(OUTAGE_ATTEMPTS);
        assertThat(listener.attempts.get(id(second))).hasValue(1);
        assertThat(listener.attempts.get(id(third))).hasValue(1);
        // applied once, though the first attempt wrote and then failed and the last one ran the update again
        for (ApplicationWithdrawn event : List.of(outage, second, third)) {
            assertThat(mongo.getCollection("errorClasses").find(new Document("_id", id(event))).first().getInteger("applied"))
                    .as(event.reason()).isEqualTo(1);
        }
        assertThat(deadLetters(key)).isEmpty();
        // every retry counted and logged at WARN, naming the record and the failure
        assertThat(transientRetries() - retriesBefore).isEqualTo(failures);
        List<String> warnings = output.getOut().lines().filter(l -> l.contains(" WARN ") && l.contains(id(outage))).toList();
        assertThat(warnings).hasSize(failures);
        assertThat(warnings.get(0)).contains("attempt 1, transient org.springframework.dao.DataAccessResourceFailureException");
        assertThat(warnings.get(failures - 1)).contains("attempt " + failures + ", transient com.mongodb.MongoTimeoutException",
                "retrying in 500 ms");
        // the consumer kept its partitions all along, though the outage outlasted its max.poll.interval.ms
        assertThat(listener.assignments).hasValue(assignments);
        assertThat(listener.revocations).hasValue(revocations);
        assertThat(prometheus()).anyMatch(l -> l.startsWith("qingdan_kafka_retries_total{")
                && l.contains("topic=\"" + TestApp.ERRORS_TOPIC + "\"") && l.contains("kind=\"transient\"")
                && l.contains("exception=\"MongoTimeoutException\""));
    }

    @Test
    void unreadable_records_of_unknown_type_or_without_the_contracts_envelope_go_to_the_dead_letter_topic_at_once(
            CapturedOutput output) throws Exception {
        String key = "unreadable-" + UUID.randomUUID();
        double deadLetteredBefore = deadLettered("permanent");
        ApplicationWithdrawn good = Events.withdrawn(key, "在坏记录之后");
        send(raw(key, ApplicationWithdrawn.TYPE, "{not json"));
        send(raw(key, "application.teleported.v1", "{\"eventId\":\"" + UUID.randomUUID() + "\"}"));
        send(raw(key, ApplicationWithdrawn.TYPE, "{\"aggregateId\":\"" + key + "\",\"aggregateVersion\":1,\"reason\":\"没有 eventId\"}"));
        send(good);

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.completed.contains(id(good)));
        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(key, 3);
        assertThat(deadLetters).extracting(r -> headers(r).get("kafka_dlt-exception-fqcn"))
                .containsOnly("org.springframework.kafka.support.serializer.DeserializationException");
        assertThat(deadLetters).extracting(r -> headers(r).get("kafka_dlt-exception-stacktrace")).satisfiesExactly(
                m -> assertThat(m).contains("Cannot read application.withdrawn.v1"),
                m -> assertThat(m).contains("Unknown event type: application.teleported.v1"),
                m -> assertThat(m).contains("no eventId"));
        assertThat(new String(deadLetters.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        // at once: no retry was announced for any of them, and each is counted as permanent
        assertThat(output.getOut().lines().filter(l -> l.contains("key " + key + ",") && l.contains("retrying"))).isEmpty();
        List<String> errors = output.getOut().lines().filter(l -> l.contains("key " + key + ",") && l.contains(" ERROR ")
                && l.contains("dead-lettered to " + DEAD_LETTERS + ": permanent")).toList();
        assertThat(errors).hasSize(3);
        // the line says why, not only "failed to deserialize"
        assertThat(errors.get(1)).contains("Unknown event type: application.teleported.v1");
        assertThat(deadLettered("permanent") - deadLetteredBefore).isEqualTo(3);
    }

    @Test
    void an_event_the_domain_refuses_goes_to_the_dead_letter_topic_after_one_attempt(CapturedOutput output) throws Exception {
        String key = "refused-" + UUID.randomUUID();
        double deadLetteredBefore = deadLettered("permanent");
        ApplicationWithdrawn refused = Events.withdrawn(key, "refused");
        ApplicationWithdrawn illegal = Events.withdrawn(key, "illegal");
        ApplicationWithdrawn good = Events.withdrawn(key, "在被拒事件之后");
        for (ApplicationWithdrawn event : List.of(refused, illegal, good)) {
            send(event);
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> listener.completed.contains(id(good)));
        assertThat(listener.attempts.get(id(refused))).hasValue(1);
        assertThat(listener.attempts.get(id(illegal))).hasValue(1);
        List<ConsumerRecord<String, byte[]>> deadLetters = awaitDeadLetters(key, 2);
        assertThat(deadLetters).extracting(r -> headers(r).get(CloudEventHeaders.ID)).containsExactly(id(refused), id(illegal));
        assertThat(deadLetters).extracting(r -> headers(r).get("kafka_dlt-exception-message")).satisfiesExactly(
                m -> assertThat(m).endsWith("撤回了一个从未提交的申报"), m -> assertThat(m).endsWith("申报编号格式不对"));
        assertThat(deadLetters).extracting(r -> headers(r).get("kafka_dlt-exception-cause-fqcn"))
                .containsExactly("org.qingdan.support.kafka.RejectedEvent", "java.lang.IllegalArgumentException");
        assertThat(output.getOut().lines().filter(l -> l.contains("key " + key + ",") && l.contains("retrying"))).isEmpty();
        assertThat(deadLettered("permanent") - deadLetteredBefore).isEqualTo(2);
        assertThat(mongo.getCollection("errorClasses").find(new Document("_id", id(refused))).first()).isNull();
        assertThat(prometheus()).anyMatch(l -> l.startsWith("qingdan_kafka_dead_lettered_total{")
                && l.contains("topic=\"" + TestApp.ERRORS_TOPIC + "\"") && l.contains("kind=\"permanent\""));
    }

    private void send(ApplicationWithdrawn event) throws Exception {
        ProducerRecord<Object, Object> record = CloudEventRecords.of(event, "/test");
        send(new ProducerRecord<>(TestApp.ERRORS_TOPIC, null, event.aggregateId(), record.value(), record.headers()));
    }

    private void send(ProducerRecord<Object, Object> record) throws Exception {
        kafka.send(record).get();
    }

    private static ProducerRecord<Object, Object> raw(String key, String type, String value) {
        ProducerRecord<Object, Object> record = new ProducerRecord<>(TestApp.ERRORS_TOPIC, key, value.getBytes(StandardCharsets.UTF_8));
        record.headers().add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String id(DomainEvent event) {
        return event.eventId().toString();
    }

    private double transientRetries() {
        return meters.find("qingdan.kafka.retries").tag("topic", TestApp.ERRORS_TOPIC).tag("kind", "transient")
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private double deadLettered(String kind) {
        return meters.find("qingdan.kafka.dead-lettered").tag("topic", TestApp.ERRORS_TOPIC).tag("kind", kind)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private List<String> prometheus() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + managementPort + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body().lines().toList();
    }

    private static List<ConsumerRecord<String, byte[]>> awaitDeadLetters(String key, int expected) {
        List<List<ConsumerRecord<String, byte[]>>> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            found.clear();
            found.add(deadLetters(key));
            return found.get(0).size() >= expected;
        });
        assertThat(found.get(0)).hasSize(expected);
        return found.get(0);
    }

    /** Every record of the dead-letter topic with this key, as it stands now. */
    private static List<ConsumerRecord<String, byte[]>> deadLetters(String key) {
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
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
        Map<String, String> headers = new HashMap<>();
        for (Header h : record.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
