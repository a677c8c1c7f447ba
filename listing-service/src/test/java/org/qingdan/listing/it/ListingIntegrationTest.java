package org.qingdan.listing.it;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.MutableClock;
import org.qingdan.testsupport.Roles;
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
}
