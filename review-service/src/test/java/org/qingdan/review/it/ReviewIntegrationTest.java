package org.qingdan.review.it;

import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.qingdan.contracts.DomainEvent;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** One running review-service for all its integration tests, on the real broker, wire server and issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
abstract class ReviewIntegrationTest {

    /** application-service as the UI meets it: serves an attachment only to a bearer token. */
    static final com.sun.net.httpserver.HttpServer APPLICATION_SERVICE = applicationService();
    static final java.util.List<String> ATTACHMENT_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static com.sun.net.httpserver.HttpServer applicationService() {
        return org.qingdan.testsupport.StubServer.serve("/api/applications/", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            ATTACHMENT_CALLS.add(exchange.getRequestURI().getPath() + " " + (auth == null ? "-" : auth.substring(0, Math.min(7, auth.length()))));
            byte[] body = "%PDF-1.7 test".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(auth != null && auth.startsWith("Bearer ") ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @org.springframework.test.context.DynamicPropertySource
    static void services(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("qingdan.services.application", () -> org.qingdan.testsupport.StubServer.url(APPLICATION_SERVICE));
    }

    @LocalServerPort
    int port;
    /** Actuator's own port (management.server.port), never routed by the gateway. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    MongoTemplate mongo;
    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    static String office() {
        return HttpApi.token("office", null, null, Roles.OFFICE);
    }

    static String committee() {
        return HttpApi.token("committee", null, null, Roles.COMMITTEE);
    }

    static String reviewer(String name, String org) {
        return HttpApi.token(name, org, "评审机构", Roles.REVIEWER);
    }

    void send(DomainEvent event) throws Exception {
        kafka.send(CloudEventRecords.of(event, "/application-service")).get();
    }

    /** A day after the newest case of the shared database: cases opened then come first in every list. */
    java.time.Instant afterEveryCase() {
        Document newest = mongo.getCollection("reviewCases").find().sort(new Document("state.openedAt", -1)).limit(1).first();
        java.time.Instant latest = newest == null ? java.time.Instant.now()
                : newest.get("state", Document.class).getDate("openedAt").toInstant();
        return latest.plus(java.time.Duration.ofDays(1));
    }

    /** The first {@code expected} records of review.events with this key (waiting up to 20 s), from the beginning. */
    static java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> reviewRecords(String key, int expected) {
        java.util.Properties p = new java.util.Properties();
        p.put("bootstrap.servers", org.qingdan.testsupport.RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "review-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        java.util.List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        var strings = new org.apache.kafka.common.serialization.StringDeserializer();
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(p, strings, strings)) {
            consumer.subscribe(java.util.List.of(org.qingdan.contracts.Topics.REVIEW_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(java.time.Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }

    /** The types of {@link #reviewRecords}. */
    static java.util.List<String> reviewEvents(String key, int expected) {
        return reviewRecords(key, expected).stream().map(r -> new String(
                r.headers().lastHeader(org.qingdan.contracts.CloudEventHeaders.TYPE).value(), java.nio.charset.StandardCharsets.UTF_8)).toList();
    }

    Document reviewCase(String id) {
        return mongo.getCollection("reviewCases").find(new Document("_id", id)).first();
    }
}
