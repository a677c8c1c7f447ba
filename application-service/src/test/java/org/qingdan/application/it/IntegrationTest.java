package org.qingdan.application.it;

import org.qingdan.testsupport.HttpApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.qingdan.application.Forms;
import org.qingdan.contracts.Topics;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One running application-service for all its integration tests, on the real broker, wire server and issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "qingdan.attachments.max-size=1MB")
@WithRealInfrastructure
abstract class IntegrationTest {

    /**
     * notification-service as the portal meets it: the inbox of whoever's bearer token comes with the request (one
     * notification), 401 without one; what the portal asked is kept in {@link #INBOX_CALLS}.
     */
    static final com.sun.net.httpserver.HttpServer NOTIFICATION_SERVICE = notificationService();
    static final List<String> INBOX_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * notification-service's 我行在用 as the portal meets it: three listed products, the marks of whoever's bearer token
     * comes (one organisation here), 401 without one; what the portal asked is kept in {@link #PRODUCT_USE_CALLS}.
     */
    static final List<String> PRODUCT_USE_CALLS = new java.util.concurrent.CopyOnWriteArrayList<>();
    static final Map<String, String> LISTED = new java.util.LinkedHashMap<>(Map.of());
    static final Map<String, Instant> MARKED = new java.util.concurrent.ConcurrentHashMap<>();

    static {
        LISTED.put("listed-1", "智能反欺诈平台");
        LISTED.put("listed-2", "分布式核心账务系统");
        LISTED.put("listed-3", "供应链金融服务云");
        NOTIFICATION_SERVICE.createContext("/api/product-use", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean bearer = auth != null && auth.startsWith("Bearer ");
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            PRODUCT_USE_CALLS.add(method + " " + exchange.getRequestURI() + " " + (bearer ? "Bearer" : "-"));
            String id = path.startsWith("/api/product-use/mine/") ? path.substring("/api/product-use/mine/".length()) : null;
            int status = 200;
            StringBuilder body = new StringBuilder();
            if (!bearer) {
                status = 401;
            } else if (method.equals("GET") && path.equals("/api/product-use/listed")) {
                LISTED.forEach((listingId, name) -> body.append(body.isEmpty() ? "[" : ",").append("{\"listingId\":\"").append(listingId)
                        .append("\",\"productName\":\"").append(name).append("\",\"inUse\":").append(MARKED.containsKey(listingId)).append('}'));
                body.append(body.isEmpty() ? "[]" : "]");
            } else if (method.equals("GET") && path.equals("/api/product-use/mine")) {
                MARKED.forEach((listingId, at) -> body.append(body.isEmpty() ? "[" : ",").append("{\"listingId\":\"").append(listingId)
                        .append("\",\"productName\":\"").append(LISTED.get(listingId)).append("\",\"markedAt\":\"").append(at)
                        .append("\",\"markedBy\":\"applicant-a\",\"endedAt\":null}"));
                body.append(body.isEmpty() ? "[]" : "]");
            } else if (method.equals("PUT") && id != null) {
                status = !LISTED.containsKey(id) ? 404 : MARKED.putIfAbsent(id, Instant.parse("2026-11-30T02:00:00Z")) == null ? 201 : 200;
            } else if (method.equals("DELETE") && id != null) {
                status = MARKED.remove(id) != null ? 204 : 404;
            } else {
                status = 404;
            }
            byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
    }

    static com.sun.net.httpserver.HttpServer notificationService() {
        return org.qingdan.testsupport.StubServer.serve("/api/notifications", exchange -> {
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            boolean bearer = auth != null && auth.startsWith("Bearer ");
            INBOX_CALLS.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + (bearer ? "Bearer" : "-"));
            byte[] body = ("[{\"id\":\"n-1\",\"eventType\":\"application.call-opened.v1\",\"subject\":\"征集开始：2026年度金融科技产品清单征集\","
                    + "\"text\":\"专委会办公室已开始征集，欢迎申报。\",\"createdAt\":\"2026-11-27T06:30:00Z\",\"read\":false}]")
                    .getBytes(StandardCharsets.UTF_8);
            boolean list = exchange.getRequestMethod().equals("GET");
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(!bearer ? 401 : 200, list && bearer ? body.length : -1);
            if (list && bearer) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
    }

    @org.springframework.test.context.DynamicPropertySource
    static void services(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("qingdan.services.notification", () -> org.qingdan.testsupport.StubServer.url(NOTIFICATION_SERVICE));
    }

    @LocalServerPort
    int port;
    /** Actuator's own port (management.server.port), never routed by the gateway. */
    @LocalManagementPort
    int managementPort;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    String openCall() {
        HttpApi.Response planned = api.post("/api/calls", Api.office(), Map.of("title", "2026年度金融科技产品清单征集", "year", 2026,
                "opensAt", Instant.now().minusSeconds(3600).toString(), "closesAt", Instant.now().plusSeconds(30 * 86400).toString()));
        assertThat(planned.status()).as(planned.body()).isEqualTo(201);
        String id = planned.json().get("id").asString();
        assertThat(api.post("/api/calls/" + id + "/open", Api.office(), "").status()).isEqualTo(200);
        return id;
    }

    /**
     * A draft of organisation A with the three files it needs and the complete form referring to them, its participant
     * (the vendor) having confirmed its role, so that it can be submitted.
     */
    String completeDraft(String callId) {
        String id = completeUnconfirmedDraft(callId);
        HttpApi.Response confirmed = api.post("/api/applications/" + id + "/participation/confirm", Api.vendorZ(), "");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return id;
    }

    /** The same draft, its participant not asked yet. */
    String completeUnconfirmedDraft(String callId) {
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", callId)).json().get("id").asString();
        String patent = uploadOk(id, "专利证书.pdf", TestFiles.pdf());
        String report = uploadOk(id, "运行评估报告.docx", TestFiles.docx());
        String signed = uploadOk(id, "申报表盖章扫描件.png", TestFiles.png());
        HttpApi.Response saved = api.put("/api/applications/" + id + "/form", Api.applicantA(),
                Forms.complete(new Forms.Files(patent, report, signed)));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        return id;
    }

    String uploadOk(String applicationId, String name, byte[] content) {
        HttpApi.Response uploaded = api.upload("/api/applications/" + applicationId + "/attachments", Api.applicantA(), name, content, false);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        return uploaded.json().get("id").asString();
    }

    /**
     * The records of one aggregate on application.events, read from the beginning as any consumer would, but for the
     * participants' invitations (ParticipantsTest reads those with {@link #allEvents}).
     */
    static List<ConsumerRecord<String, String>> events(String key, int expected) {
        return read(key, expected, r -> !"application.participant-named.v1".equals(header(r, org.qingdan.contracts.CloudEventHeaders.TYPE)));
    }

    static List<ConsumerRecord<String, String>> allEvents(String key, int expected) {
        return read(key, expected, r -> true);
    }

    private static List<ConsumerRecord<String, String>> read(String key, int expected,
                                                             java.util.function.Predicate<ConsumerRecord<String, String>> wanted) {
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "test-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.APPLICATION_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && wanted.test(r)) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
