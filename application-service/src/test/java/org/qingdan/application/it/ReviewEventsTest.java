package org.qingdan.application.it;

import org.qingdan.testsupport.HttpApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.review.ReviewCaseClosed;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.support.outbox.CloudEventRecords;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** Assignments and decisions arrive as review-service's events on the real broker, each possibly twice. */
class ReviewEventsTest extends IntegrationTest {

    @Autowired
    KafkaTemplate<Object, Object> kafka;

    @Test
    void an_assigned_reviewer_may_download_and_a_decision_ends_withdrawal() throws Exception {
        String id = completeDraft(openCall());
        api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        api.post("/api/applications/" + id + "/accept", Api.office(), "");
        String attachment = api.get("/api/applications/" + id + "/attachments", Api.applicantA()).json().get(0).get("id").asString();
        String path = "/api/applications/" + id + "/attachments/" + attachment;
        assertThat(api.download(path, Api.reviewer("reviewer1")).statusCode()).isEqualTo(404);

        var assigned = ContractSamples.reviewerAssigned(id, "reviewer1");
        kafka.send(CloudEventRecords.of(assigned, "/review-service")).get();
        kafka.send(CloudEventRecords.of(assigned, "/review-service")).get(); // redelivered

        await().atMost(Duration.ofSeconds(20)).until(() -> api.download(path, Api.reviewer("reviewer1")).statusCode() == 200);
        assertThat(api.download(path, Api.reviewer("reviewer2")).statusCode()).isEqualTo(404);

        // reviewer2 is assigned, then steps aside for a conflict of interest: its access ends with the assignment
        kafka.send(CloudEventRecords.of(ContractSamples.reviewerAssigned(id, "reviewer2"), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.download(path, Api.reviewer("reviewer2")).statusCode() == 200);
        var recused = ContractSamples.reviewerRecused(id, "reviewer2");
        kafka.send(CloudEventRecords.of(recused, "/review-service")).get();
        kafka.send(CloudEventRecords.of(recused, "/review-service")).get(); // redelivered
        await().atMost(Duration.ofSeconds(20)).until(() -> api.download(path, Api.reviewer("reviewer2")).statusCode() == 404);
        assertThat(api.download(path, Api.reviewer("reviewer1")).statusCode()).isEqualTo(200);

        // reviewer3 is assigned, then taken off by the office: its access ends too
        kafka.send(CloudEventRecords.of(ContractSamples.reviewerAssigned(id, "reviewer3"), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.download(path, Api.reviewer("reviewer3")).statusCode() == 200);
        kafka.send(CloudEventRecords.of(ContractSamples.reviewerUnassigned(id, "reviewer3"), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> api.download(path, Api.reviewer("reviewer3")).statusCode() == 404);
        assertThat(api.download(path, Api.reviewer("reviewer1")).statusCode()).isEqualTo(200);

        kafka.send(CloudEventRecords.of(ContractSamples.completed(id, ReviewCompleted.Decision.APPROVED), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString().equals("APPROVED"));
        HttpApi.Response late = api.post("/api/applications/" + id + "/withdraw", Api.applicantA(), Map.of("reason", "决定之后撤回"));
        assertThat(late.status()).isEqualTo(409);
    }

    @Test
    void a_withdrawal_after_acceptance_takes_effect_only_when_review_service_closes_the_case_and_a_decision_first_wins() throws Exception {
        // the case closes on the withdrawal: WITHDRAWN, and a decision published before it reached us changes nothing after
        String first = completeDraft(openCall());
        api.post("/api/applications/" + first + "/submit", Api.applicantA(), "");
        api.post("/api/applications/" + first + "/accept", Api.office(), "");
        HttpApi.Response requested = api.post("/api/applications/" + first + "/withdraw", Api.applicantA(), Map.of("reason", "产品线调整"));
        assertThat(requested.json().get("status").asString()).isEqualTo("WITHDRAWAL_REQUESTED");
        kafka.send(CloudEventRecords.of(new ReviewCaseClosed(java.util.UUID.randomUUID(), java.time.Instant.now(), "case-" + first, 4,
                first, "智能风控平台", "申报单位撤回：产品线调整"), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/applications/" + first, Api.applicantA()).json().get("status").asString().equals("WITHDRAWN"));

        // the committee decided before the withdrawal reached the case: the decision stands, never WITHDRAWN
        String second = completeDraft(openCall());
        api.post("/api/applications/" + second + "/submit", Api.applicantA(), "");
        api.post("/api/applications/" + second + "/accept", Api.office(), "");
        api.post("/api/applications/" + second + "/withdraw", Api.applicantA(), Map.of("reason", "太迟的撤回"));
        kafka.send(CloudEventRecords.of(ContractSamples.completed(second, ReviewCompleted.Decision.APPROVED), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/applications/" + second, Api.applicantA()).json().get("status").asString().equals("APPROVED"));
    }
}
