package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.listing.Products;
import org.qingdan.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.MutableClock;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaTemplate;

/** One running listing-service with a clock the tests move, on the real broker, wire server and issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "qingdan.listing.schedule-interval=PT1H")
@WithRealInfrastructure
@Import(ListingIntegrationTest.Clocks.class)
abstract class ListingIntegrationTest {

    @TestConfiguration
    static class Clocks {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;
    /** Actuator's own port (management.server.port), never routed by the gateway. */
    @LocalManagementPort
    int managementPort;
    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    MutableClock clock;
    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    static String office() {
        return HttpApi.token("office", null, null, Roles.OFFICE);
    }

    static String memberB() {
        return HttpApi.token("applicant-b", "911301027356003226", "乙银行股份有限公司", Roles.APPLICANT);
    }

    static ReviewCompleted approved(PublicProduct product) {
        return new ReviewCompleted(UUID.randomUUID(), java.time.Instant.now(), "case-" + product.applicationId(), 9,
                product.applicationId(), new CallSummary("call-1", "2026年度征集", product.callYear(), 7, 3),
                ReviewCompleted.Decision.APPROVED, List.of("专家一致推荐"), 3, List.of(), product, "91130100100003962C",
                new org.qingdan.contracts.form.ApplicationFormSnapshot.DesignatedContact("张三", "0311-86001234", "信息科技部", "经理", "z@bank.cn"),
                "committee");
    }

    void send(ReviewCompleted event) throws Exception {
        kafka.send(CloudEventRecords.of(event, "/review-service")).get();
    }

    String status(String listingId) {
        HttpApi.Response r = api.get("/api/public/listings/" + listingId, null);
        return r.status() == 200 ? r.json().get("summary").get("status").asString() : "HTTP " + r.status();
    }

    static final String ENTERPRISE_USCC = "91110108551385082Q";
    static final String LEAD_USCC = "91130100100003962C";

    static String vendorOfEnterprise() {
        return HttpApi.token("vendor-x", ENTERPRISE_USCC, "北京智信科技有限公司", Roles.VENDOR);
    }

    static String leadApplicant() {
        return HttpApi.token("applicant-a", LEAD_USCC, "甲银行股份有限公司", Roles.APPLICANT);
    }

    static String memberC() {
        return HttpApi.token("applicant-c", "91130200MA0C8X9Y1K", "丙银行股份有限公司", Roles.APPLICANT);
    }

    void listed(String id, String name) throws Exception {
        send(approved(Products.product(id, name)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("PUBLIC_NOTICE"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");
        assertThat(status(id)).isEqualTo("LISTED");
    }

    /** The latest event of each wanted type for one key, read from the beginning of the topic. */
    static Map<String, JsonNode> events(String topic, String key, String... types) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "reports-test-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && found.size() < types.length) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    String type = new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8);
                    if (key.equals(r.key()) && List.of(types).contains(type)) {
                        found.put(type, HttpApi.JSON.readTree(r.value()));
                    }
                });
            }
        }
        return found;
    }

}
