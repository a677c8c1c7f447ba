package org.qingdan.support.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.application.ApplicationWithdrawn;
import org.qingdan.support.consume.SideEffectClaims;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.support.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Dead letters handled, not buried, against the real broker: a refused event lands in the dead-letter topic,
 * an admin lists it with its failure, looks at it, and replays it once the consumer is fixed: applied once,
 * and a second replay is refused. Replaying an event that had been applied after all changes nothing, by
 * the consumer's idempotency (state and side effect once). Replaying all goes a bounded batch at a time.
 */
class DeadLetterAdminTest extends SupportIntegrationTest {

    private static final String TOPIC = TestApp.REPLAYS_TOPIC;
    private static final String DLT = Topics.deadLetterOf(TOPIC);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    TestApp.ReplayListener listener;

    private HttpApi api;
    private final String admin = HttpApi.token("root", null, null, Roles.ADMIN);

    @BeforeEach
    void api() {
        api = new HttpApi(port);
        listener.refusing = false;
    }

    @Autowired
    org.springframework.kafka.core.KafkaAdmin kafkaAdmin;

    @Test
    void dead_letter_topics_and_the_public_topic_keep_their_records_and_internal_topics_keep_the_default() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            String topic = Topics.APPLICATION_EVENTS;
            var publicTopic = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.LISTING_EVENTS);
            var dlt = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.deadLetterOf(topic));
            var events = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
            var configs = admin.describeConfigs(List.of(dlt, events, publicTopic)).all().get();
            assertThat(configs.get(publicTopic).get("retention.ms").value()).as("the public contract").isEqualTo("-1");
            assertThat(configs.get(dlt).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(events).get("retention.ms").value()).isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
        }
    }

    @Test
    void a_refused_event_is_dead_lettered_listed_looked_at_and_after_the_fix_replayed_and_applied_once() throws Exception {
        listener.refusing = true;
        ApplicationWithdrawn event = Events.withdrawn("dlt-one-" + UUID.randomUUID(), "会被拒绝的撤回");
        String id = event.eventId().toString();
        RecordMetadata original = send(event);

        JsonNode listed = awaitListed(id);
        assertThat(listed.get("deadLetterTopic").asString()).isEqualTo(DLT);
        assertThat(listed.get("key").asString()).isEqualTo(event.aggregateId());
        assertThat(listed.get("eventType").asString()).isEqualTo(ApplicationWithdrawn.TYPE);
        assertThat(listed.get("cloudEvents").get("ce_source").asString()).isEqualTo("/test");
        JsonNode failure = listed.get("failure");
        assertThat(failure.get("exception").asString()).isEqualTo("org.springframework.kafka.listener.ListenerExecutionFailedException");
        assertThat(failure.get("cause").asString()).isEqualTo("org.qingdan.support.kafka.RejectedEvent");
        assertThat(failure.get("message").asString()).endsWith("撤回了一个尚未受理的申报");
        assertThat(failure.get("originalTopic").asString()).isEqualTo(TOPIC);
        assertThat(failure.get("originalPartition").asInt()).isEqualTo(original.partition());
        assertThat(failure.get("originalOffset").asLong()).isEqualTo(original.offset());
        assertThat(failure.get("originalTimestamp").asString()).isNotBlank();
        assertThat(failure.get("consumerGroup").asString()).isEqualTo("support-test-replays");
        assertThat(listed.get("payloadBytes").asInt()).isPositive();
        // a list carries no payloads or stack traces, and nothing was replayed yet
        assertThat(listed.has("payload")).isFalse();
        assertThat(failure.has("stacktrace")).isFalse();
        assertThat(listed.has("replay")).isFalse();
        assertThat(mongo.getCollection("replayed").find(new Document("_id", event.aggregateId())).first()).isNull();

        String path = "/admin/dead-letters/" + TOPIC + "/" + listed.get("partition").asInt() + "/" + listed.get("offset").asLong();
        HttpApi.Response one = api.get(path, admin);
        assertThat(one.status()).isEqualTo(200);
        JsonNode detail = one.json();
        assertThat(detail.get("payload").asString()).contains(id, "会被拒绝的撤回");
        assertThat(detail.get("payloadTruncated").asBoolean()).isFalse();
        assertThat(detail.get("payload").asString().getBytes(StandardCharsets.UTF_8)).hasSize(detail.get("payloadBytes").asInt());
        assertThat(detail.get("failure").get("stacktrace").asString()).contains("RejectedEvent");

        listener.refusing = false; // the consumer is fixed
        HttpApi.Response replayed = api.post(path + "/replay", admin, "");
        assertThat(replayed.status()).isEqualTo(200);
        JsonNode replay = replayed.json().get("replay");
        assertThat(replay.get("status").asString()).isEqualTo("replayed");
        assertThat(replay.get("by").asString()).isEqualTo("root");
        assertThat(replay.get("toTopic").asString()).isEqualTo(TOPIC);
        // the same key, so the same partition as the original record
        assertThat(replay.get("toPartition").asInt()).isEqualTo(original.partition());

        await().atMost(WAIT).until(() -> applied(event.aggregateId()) == 1);
        assertThat(listener.deliveries.get(id)).hasValue(2);
        assertThat(listener.mails.get(id)).hasValue(1);

        // once: a second replay is refused and names the first
        HttpApi.Response again = api.post(path + "/replay", admin, "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(again.json().get("type").asString()).isEqualTo("https://qingdan.org/problems/already-replayed");
        assertThat(again.json().get("detail").asString()).contains("by root");
        assertThat(api.get(path, admin).json().get("replay").get("status").asString()).isEqualTo("replayed");
        assertThat(listed(id).get("replay").get("by").asString()).isEqualTo("root");
        assertThat(applied(event.aggregateId())).isEqualTo(1);
    }

    @Test
    void replaying_an_event_that_was_applied_after_all_changes_nothing() throws Exception {
        ApplicationWithdrawn event = Events.withdrawn("dlt-applied-" + UUID.randomUUID(), "已处理过的撤回");
        String id = event.eventId().toString();
        RecordMetadata original = send(event);
        await().atMost(WAIT).until(() -> listener.mails.containsKey(id));
        assertThat(applied(event.aggregateId())).isEqualTo(1);

        // the same record on the dead-letter topic, as the recoverer writes it: as if its processing had
        // written and sent the mail, and then failed (a reply lost) and been dead-lettered
        ProducerRecord<Object, Object> record = CloudEventRecords.of(event, "/test");
        ProducerRecord<Object, Object> deadLetter = new ProducerRecord<>(DLT, null, event.aggregateId(), record.value(), record.headers());
        header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC, TOPIC.getBytes(StandardCharsets.UTF_8));
        header(deadLetter, KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(original.partition()).array());
        header(deadLetter, KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(original.offset()).array());
        header(deadLetter, KafkaHeaders.DLT_EXCEPTION_FQCN, "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8));
        header(deadLetter, KafkaHeaders.DLT_EXCEPTION_MESSAGE, "Listener failed; Timed out after the write".getBytes(StandardCharsets.UTF_8));
        RecordMetadata dead = kafka.send(deadLetter).get().getRecordMetadata();

        JsonNode listed = awaitListed(id);
        assertThat(listed.get("failure").get("originalOffset").asLong()).isEqualTo(original.offset());
        HttpApi.Response replayed = api.post("/admin/dead-letters/" + TOPIC + "/" + dead.partition() + "/" + dead.offset() + "/replay", admin, "");
        assertThat(replayed.status()).isEqualTo(200);

        // delivered a second time, and still applied once, one mail, one claim
        await().atMost(WAIT).until(() -> listener.deliveries.get(id).get() == 2);
        assertThat(applied(event.aggregateId())).isEqualTo(1);
        assertThat(mongo.getCollection("replayed").find(new Document("_id", event.aggregateId())).first()
                .getList("processedEventIds", String.class)).containsExactly(id);
        assertThat(listener.mails.get(id)).hasValue(1);
        assertThat(mongo.getCollection(SideEffectClaims.COLLECTION).countDocuments(
                new Document("_id", new Document("$regex", "^" + id)))).isEqualTo(1);
    }

    @Test
    void replaying_all_goes_a_bounded_batch_at_a_time_says_how_many_and_where_to_go_on_and_replays_each_once() throws Exception {
        listener.refusing = true;
        String key = "dlt-bulk-" + UUID.randomUUID();
        List<ApplicationWithdrawn> events = List.of(Events.withdrawn(key, "批量一"), Events.withdrawn(key, "批量二"), Events.withdrawn(key, "批量三"));
        for (ApplicationWithdrawn event : events) {
            send(event);
        }
        List<JsonNode> listed = new ArrayList<>();
        for (ApplicationWithdrawn event : events) {
            listed.add(awaitListed(event.eventId().toString()));
        }
        // one key, one partition, in the order they failed
        int partition = listed.get(0).get("partition").asInt();
        assertThat(listed).allSatisfy(l -> assertThat(l.get("partition").asInt()).isEqualTo(partition));
        List<Long> offsets = listed.stream().map(l -> l.get("offset").asLong()).toList();
        assertThat(offsets).isSorted();
        listener.refusing = false;

        String replayAll = "/admin/dead-letters/" + TOPIC + "/replay?partition=" + partition;
        JsonNode first = api.post(replayAll + "&offset=" + offsets.get(0) + "&limit=2", admin, "").json();
        assertThat(first.get("replayed").asInt()).isEqualTo(2);
        assertThat(first.get("alreadyReplayed").asInt()).isZero();
        assertThat(first.get("next").get("partition").asInt()).isEqualTo(partition);
        assertThat(first.get("next").get("offset").asLong()).isEqualTo(offsets.get(1) + 1);

        JsonNode second = api.post(replayAll + "&offset=" + offsets.get(2) + "&limit=1", admin, "").json();
        assertThat(second.get("replayed").asInt()).isEqualTo(1);
        assertThat(second.get("deadLetters").get(0).asString()).isEqualTo(DLT + "/" + partition + "/" + offsets.get(2));

        await().atMost(WAIT).until(() -> applied(key) == 3);
        for (ApplicationWithdrawn event : events) {
            assertThat(listener.mails.get(event.eventId().toString())).hasValue(1);
        }
        // from the start again: nothing is replayed twice
        JsonNode third = api.post(replayAll + "&offset=" + offsets.get(0) + "&limit=3", admin, "").json();
        assertThat(third.get("replayed").asInt()).isZero();
        assertThat(third.get("alreadyReplayed").asInt()).isEqualTo(3);
        assertThat(applied(key)).isEqualTo(3);
    }

    @Test
    void only_admins_and_bad_or_unknown_addresses_are_problems_naming_what_is_wrong() {
        String applicant = HttpApi.token("applicant-a", "91100000100003962T", "甲银行", Roles.APPLICANT);
        assertProblem(api.get("/admin/dead-letters", null), 401, "unauthenticated");
        assertProblem(api.get("/admin/dead-letters", applicant), 403, "forbidden");
        assertProblem(api.get("/admin/dead-letters/" + TOPIC, applicant), 403, "forbidden");
        assertProblem(api.get("/admin/dead-letters/" + TOPIC + "/0/0", applicant), 403, "forbidden");
        assertProblem(api.post("/admin/dead-letters/" + TOPIC + "/0/0/replay", applicant, ""), 403, "forbidden");
        assertProblem(api.post("/admin/dead-letters/" + TOPIC + "/replay", applicant, ""), 403, "forbidden");

        // the overview: every topic this service consumes, with its dead-letter topic
        HttpApi.Response overview = api.get("/admin/dead-letters", admin);
        assertThat(overview.status()).isEqualTo(200);
        List<String> topics = new ArrayList<>();
        overview.json().forEach(t -> topics.add(t.get("topic").asString()));
        assertThat(topics).contains(TOPIC, TestApp.ERRORS_TOPIC, Topics.APPLICATION_EVENTS).doesNotContain(Topics.REVIEW_EVENTS, DLT);

        // unknown: a topic nobody has, one this service does not consume, a partition or offset not there
        assertProblem(api.get("/admin/dead-letters/nothing.events", admin), 404, "not-found");
        assertProblem(api.get("/admin/dead-letters/" + Topics.REVIEW_EVENTS, admin), 404, "not-found");
        assertProblem(api.get("/admin/dead-letters/" + TOPIC + "/7/0", admin), 404, "not-found");
        assertProblem(api.get("/admin/dead-letters/" + TOPIC + "/0/" + Long.MAX_VALUE, admin), 404, "not-found");
        assertProblem(api.post("/admin/dead-letters/" + TOPIC + "/1/" + Long.MAX_VALUE + "/replay", admin, ""), 404, "not-found");

        // bad parameters: each named with its rule, all at once
        HttpApi.Response bad = api.get("/admin/dead-letters/" + TOPIC + "?partition=-1&offset=x&limit=1000", admin);
        assertProblem(bad, 400, "validation");
        assertThat(violations(bad)).containsExactly(Map.entry("partition", "range"), Map.entry("offset", "integer"),
                Map.entry("limit", "range"));
        assertThat(violations(api.post("/admin/dead-letters/" + TOPIC + "/replay?limit=0", admin, "")))
                .containsExactly(Map.entry("limit", "range"));
        assertThat(violations(api.get("/admin/dead-letters/" + TOPIC + "?partition=2", admin)))
                .containsExactly(Map.entry("partition", "range"));
        HttpApi.Response badPath = api.get("/admin/dead-letters/" + TOPIC + "/zero/-5", admin);
        assertProblem(badPath, 400, "validation");
        assertThat(violations(badPath)).containsExactly(Map.entry("partition", "integer"), Map.entry("offset", "range"));
    }

    @Test
    void the_openapi_document_has_the_operations_with_summaries_and_their_problems() {
        HttpApi.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        Map<String, String> operations = Map.of("/admin/dead-letters", "get", "/admin/dead-letters/{topic}", "get",
                "/admin/dead-letters/{topic}/{partition}/{offset}", "get",
                "/admin/dead-letters/{topic}/{partition}/{offset}/replay", "post", "/admin/dead-letters/{topic}/replay", "post");
        operations.forEach((path, method) -> {
            JsonNode operation = paths.get(path).get(method);
            assertThat(operation.get("summary").asString()).as(path).isNotBlank();
            assertThat(operation.get("responses").get("403").get("content").has("application/problem+json")).as(path).isTrue();
        });
        JsonNode replay = paths.get("/admin/dead-letters/{topic}/{partition}/{offset}/replay").get("post").get("responses");
        for (String status : List.of("400", "404", "409", "503")) {
            assertThat(replay.get(status).get("content").has("application/problem+json")).as(status).isTrue();
        }
    }

    private RecordMetadata send(ApplicationWithdrawn event) throws Exception {
        ProducerRecord<Object, Object> record = CloudEventRecords.of(event, "/test");
        return kafka.send(new ProducerRecord<>(TOPIC, null, event.aggregateId(), record.value(), record.headers())).get().getRecordMetadata();
    }

    private static void header(ProducerRecord<Object, Object> record, String name, byte[] value) {
        record.headers().add(new RecordHeader(name, value));
    }

    private int applied(String aggregateId) {
        Document d = mongo.getCollection("replayed").find(new Document("_id", aggregateId)).first();
        return d == null ? 0 : d.getInteger("applied");
    }

    private JsonNode awaitListed(String eventId) {
        await().atMost(WAIT).until(() -> listed(eventId) != null);
        return listed(eventId);
    }

    /** The dead letter of this event as the list shows it, following the pages; null if none. */
    private JsonNode listed(String eventId) {
        String query = "?limit=" + 2;
        for (int pages = 0; pages < 1000; pages++) {
            HttpApi.Response page = api.get("/admin/dead-letters/" + TOPIC + query, admin);
            assertThat(page.status()).isEqualTo(200);
            JsonNode body = page.json();
            assertThat(body.get("deadLetters").size()).isLessThanOrEqualTo(2);
            for (JsonNode deadLetter : body.get("deadLetters")) {
                if (eventId.equals(deadLetter.path("eventId").asString(null))) {
                    return deadLetter;
                }
            }
            JsonNode next = body.get("next");
            if (next == null || next.isNull()) {
                return null;
            }
            query = "?limit=2&partition=" + next.get("partition").asInt() + "&offset=" + next.get("offset").asLong();
        }
        throw new AssertionError("more pages than dead letters");
    }

    private static void assertProblem(HttpApi.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://qingdan.org/problems/" + type);
        assertThat(response.body()).doesNotContain("\tat ");
    }

    private static List<Map.Entry<String, String>> violations(HttpApi.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<Map.Entry<String, String>> found = new ArrayList<>();
        response.json().get("errors").forEach(e -> found.add(Map.entry(e.get("field").asString(), e.get("rule").asString())));
        return found;
    }
}
