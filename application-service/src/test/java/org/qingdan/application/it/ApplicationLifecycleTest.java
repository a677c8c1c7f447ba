package org.qingdan.application.it;

import org.qingdan.testsupport.HttpApi;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.CloudEventHeaders;
import tools.jackson.databind.JsonNode;

class ApplicationLifecycleTest extends IntegrationTest {

    @Test
    void submit_return_resubmit_accept_publishes_each_event_with_the_whole_form() {
        String callId = openCall();
        String id = completeDraft(callId);

        HttpApi.Response submitted = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(submitted.json().get("statusLabel").asString()).isEqualTo("已提交");
        // 填报日期: the system's date of the submission, in China time, on the application and on its version
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        assertThat(submitted.json().get("filingDate").asString()).isEqualTo(today);
        assertThat(submitted.json().get("versions").get(0).get("filingDate").asString()).isEqualTo(today);

        HttpApi.Response returned = api.post("/api/applications/" + id + "/return", Api.office(),
                Map.of("comments", List.of(Map.of("field", "product.introduction", "comment", "请补充应用成效数据"))));
        assertThat(returned.status()).as(returned.body()).isEqualTo(200);
        assertThat(returned.json().get("corrections").get(0).get("field").asString()).isEqualTo("product.introduction");

        HttpApi.Response resubmitted = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(resubmitted.status()).as(resubmitted.body()).isEqualTo(200);
        assertThat(resubmitted.json().get("versions")).hasSize(2);
        assertThat(api.get("/api/applications/" + id + "/versions/1", Api.applicantA()).status()).isEqualTo(200);
        assertThat(api.get("/api/applications/" + id + "/versions/1", Api.applicantA()).json().get("filingDate").asString()).isEqualTo(today);
        assertThat(resubmitted.json().get("versions").get(1).get("filingDate").asString()).isEqualTo(today);

        HttpApi.Response accepted = api.post("/api/applications/" + id + "/accept", Api.office(), "");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("audit")).extracting(a -> a.get("action").asString())
                .containsExactly("CREATED", "DRAFT_SAVED", "PARTICIPANT_CONFIRMED", "SUBMITTED", "RETURNED", "RESUBMITTED", "ACCEPTED");

        List<ConsumerRecord<String, String>> events = events(id, 4);
        assertThat(events).extracting(r -> header(r, CloudEventHeaders.TYPE)).containsExactly(
                "application.submitted.v1", "application.returned-for-correction.v1",
                "application.resubmitted.v1", "application.accepted.v1");
        for (ConsumerRecord<String, String> r : events) {
            assertThat(header(r, CloudEventHeaders.SOURCE)).isEqualTo("/application-service");
            assertThat(header(r, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(r.headers().lastHeader("__TypeId__")).isNull();
        }
        JsonNode acceptedEvent = HttpApi.JSON.readTree(events.get(3).value());
        assertThat(acceptedEvent.get("formVersion").asInt()).isEqualTo(2);
        assertThat(acceptedEvent.get("call").get("publicNoticeDays").asInt()).isEqualTo(7);
        assertThat(acceptedEvent.get("form").get("product").get("name").asString()).isEqualTo("信贷风险智能识别平台");
        assertThat(acceptedEvent.get("form").get("attachments")).hasSize(3);
        assertThat(acceptedEvent.get("form").get("filingDate").asString()).isEqualTo(today);
        assertThat(acceptedEvent.get("form").get("attachments").get(0).get("sha256").asString()).hasSize(64);
        assertThat(acceptedEvent.get("aggregateVersion").asLong()).isGreaterThan(HttpApi.JSON.readTree(events.get(0).value()).get("aggregateVersion").asLong());
    }

    @Test
    void an_incomplete_form_is_refused_with_every_field_and_rule_and_nothing_changes() {
        String callId = openCall();
        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", callId)).json().get("id").asString();

        HttpApi.Response refused = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://qingdan.org/problems/validation");
        assertThat(refused.json().get("errors")).extracting(e -> e.get("field").asString())
                .contains("applicant", "product", "eligibility", "commitment");
        assertThat(api.get("/api/applications/" + id, Api.applicantA()).json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(events(id, 1)).isEmpty();
    }

    @Test
    void no_application_into_a_call_that_is_not_open() {
        HttpApi.Response planned = api.post("/api/calls", Api.office(), Map.of("title", "尚未开放的征集", "year", 2027,
                "opensAt", Instant.now().plusSeconds(86400).toString(), "closesAt", Instant.now().plusSeconds(90 * 86400).toString()));
        HttpApi.Response refused = api.post("/api/applications", Api.applicantA(), Map.of("callId", planned.json().get("id").asString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).endsWith("/call-not-open");
        assertThat(refused.json().get("title").asString()).isEqualTo("征集未开放"); // as when a submission finds it closed
        assertThat(refused.json().get("detail").asString()).contains("尚未开始");
    }

    @Test
    void withdrawal_needs_a_reason_and_is_published() {
        String id = completeDraft(openCall());
        api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        HttpApi.Response noReason = api.post("/api/applications/" + id + "/withdraw", Api.applicantA(), Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

        HttpApi.Response withdrawn = api.post("/api/applications/" + id + "/withdraw", Api.applicantA(), Map.of("reason", "产品升级中，下一年度再申报"));
        assertThat(withdrawn.json().get("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(events(id, 2)).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly("application.submitted.v1", "application.withdrawn.v1");
    }

    @Test
    void the_same_idempotency_key_creates_once_and_a_different_body_under_it_is_refused() {
        String callId = openCall();
        HttpApi.Response first = api.post("/api/applications", Api.applicantA(), Map.of("callId", callId), "Idempotency-Key", "key-1");
        HttpApi.Response again = api.post("/api/applications", Api.applicantA(), Map.of("callId", callId), "Idempotency-Key", "key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());

        HttpApi.Response other = api.post("/api/applications", Api.applicantA(), Map.of("callId", openCall()), "Idempotency-Key", "key-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
    }

    @Test
    void a_change_against_a_stale_version_is_refused_with_412() {
        String id = completeDraft(openCall());
        HttpApi.Response current = api.get("/api/applications/" + id, Api.applicantA());
        String etag = current.etag();
        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "", "If-Match", etag).status()).isEqualTo(200);
        HttpApi.Response stale = api.post("/api/applications/" + id + "/withdraw", Api.applicantA(), Map.of("reason", "迟到的请求"), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).endsWith("/precondition-failed");
    }

    @Test
    void only_the_office_runs_the_formal_check() {
        String id = completeDraft(openCall());
        api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        HttpApi.Response refused = api.post("/api/applications/" + id + "/accept", Api.applicantA(), "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).endsWith("/forbidden");
        HttpApi.Response noComments = api.post("/api/applications/" + id + "/return", Api.office(), Map.of("comments", List.of()));
        assertThat(noComments.status()).isEqualTo(422);
    }

    @Test
    void the_api_is_documented() {
        HttpApi.Response docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/applications/{id}/submit", "/api/calls", "/api/applications/{applicationId}/attachments");
    }
}
