package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.testsupport.Roles;
import org.qingdan.testsupport.WithRealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** ApplicationAccepted from the real broker opens a case exactly once; a withdrawal closes it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
class ReviewCaseOpeningTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;
    @Autowired
    MongoTemplate mongo;
    @LocalServerPort
    int port;

    private Document reviewCase(String id) {
        return mongo.getCollection("reviewCases").find(new Document("_id", id)).first();
    }

    @Test
    void an_accepted_application_delivered_twice_opens_one_case_and_a_withdrawal_closes_it() throws Exception {
        ApplicationAccepted accepted = ContractSamples.accepted("app-open-1");
        kafka.send(CloudEventRecords.of(accepted, "/application-service")).get();
        kafka.send(CloudEventRecords.of(accepted, "/application-service")).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("app-open-1") != null);
        kafka.send(CloudEventRecords.of(ContractSamples.withdrawn("app-open-1"), "/application-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(reviewCase("app-open-1").getString("status")));

        Document closed = reviewCase("app-open-1");
        assertThat(closed.getList("processedEventIds", String.class)).hasSize(2).contains(accepted.eventId().toString());
        assertThat(mongo.getCollection("reviewCases").countDocuments(new Document("applicationId", "app-open-1"))).isEqualTo(1);
        assertThat(closed.get("form", Document.class).get("product", Document.class).getString("name")).isEqualTo("智能风控平台");

        HttpClient http = HttpClient.newHttpClient();
        String office = RealInfrastructure.oidc().token("office", null, null, List.of(Roles.OFFICE));
        HttpResponse<String> cases = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reviews/cases"))
                .header("Authorization", "Bearer " + office).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cases.statusCode()).isEqualTo(200);
        assertThat(cases.body()).contains("app-open-1", "智能风控平台", "CLOSED");

        String applicant = RealInfrastructure.oidc().token("applicant-a", ContractSamples.BANK_USCC, "甲银行", List.of(Roles.APPLICANT));
        assertThat(http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/reviews/cases"))
                .header("Authorization", "Bearer " + applicant).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void health_info_and_metrics_are_exposed() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
    }
}
