package org.qingdan.application.it;

import org.qingdan.testsupport.HttpApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
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

        kafka.send(CloudEventRecords.of(ContractSamples.completed(id, ReviewCompleted.Decision.APPROVED), "/review-service")).get();
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString().equals("APPROVED"));
        HttpApi.Response late = api.post("/api/applications/" + id + "/withdraw", Api.applicantA(), Map.of("reason", "决定之后撤回"));
        assertThat(late.status()).isEqualTo(409);
    }
}
