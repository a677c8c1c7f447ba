package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.application.ApplicationAccepted;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.support.security.Roles;

/** ApplicationAccepted from the real broker opens a case exactly once; a withdrawal closes it. */
class ReviewCaseOpeningTest extends ReviewIntegrationTest {

    @Test
    void an_accepted_application_delivered_twice_opens_one_case_and_a_withdrawal_closes_it() throws Exception {
        ApplicationAccepted accepted = ContractSamples.accepted("app-open-1");
        send(accepted);
        send(accepted);
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("app-open-1") != null);
        send(ContractSamples.withdrawn("app-open-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(reviewCase("app-open-1").get("state", Document.class).getString("status")));
        // the closing is published (review.case-closed.v1): application-service marks the withdrawal done only then
        await().atMost(Duration.ofSeconds(20)).until(() -> new HttpApi(managementPort).get("/actuator/prometheus", null).body()
                .contains("type=\"review.case-closed.v1\""));
        send(ContractSamples.withdrawn("app-open-1")); // redelivered: closes nothing twice

        assertThat(mongo.getCollection("reviewCases").countDocuments(new Document("_id", "app-open-1"))).isEqualTo(1);
        HttpApi.Response cases = api.get("/api/reviews/cases?status=CLOSED", office());
        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.body()).contains("app-open-1", "智能风控平台", "CLOSED");
        assertThat(api.get("/api/reviews/cases", HttpApi.token("applicant-a", ContractSamples.BANK_USCC, "甲银行", Roles.APPLICANT)).status())
                .isEqualTo(403);
    }

    @Test
    void health_info_and_metrics_are_exposed_on_the_management_port_only() {
        for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus")) {
            assertThat(new HttpApi(managementPort).get(path, null).status()).as(path).isEqualTo(200);
        }
        for (String path : List.of("/actuator/info", "/actuator/prometheus")) {
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }
}
