package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.testsupport.HttpApi;
import tools.jackson.databind.JsonNode;

/** Item 5 for intake: every command on an application or a call is in the office's audit trail with who, when, what and the request. */
class AuditTrailTest extends IntegrationTest {

    @Test
    void every_command_on_an_application_is_audited_with_the_user_its_organisation_and_the_request() {
        String id = completeDraft(openCall());
        // a second save in a row: one step of the owner's history, two records in the audit trail
        HttpApi.Response saved = api.put("/api/applications/" + id + "/form", Api.applicantA(), Forms.complete(currentFiles(id)));
        assertThat(saved.status()).isEqualTo(200);
        assertThat(api.post("/api/applications/" + id + "/submit", Api.applicantA(), "").status()).isEqualTo(200);
        HttpApi.Response accepted = api.post("/api/applications/" + id + "/accept", Api.office(), "");
        assertThat(accepted.status()).isEqualTo(200);
        String traceId = accepted.headers().firstValue("X-Trace-Id").orElseThrow();

        JsonNode trail = api.get("/api/applications/" + id + "/audit?size=100", Api.office()).json();
        List<String> actions = trail.get("items").valueStream().map(r -> r.get("action").asString()).toList();
        assertThat(actions).containsExactly("CREATED", "ATTACHMENT_UPLOADED", "ATTACHMENT_UPLOADED", "ATTACHMENT_UPLOADED",
                "DRAFT_SAVED", "PARTICIPANT_CONFIRMED", "DRAFT_SAVED", "SUBMITTED", "ACCEPTED");
        assertThat(trail.get("total").asLong()).isEqualTo(9);
        JsonNode created = trail.get("items").get(0);
        assertThat(created.get("actorId").asString()).isEqualTo("sub-applicant-a");
        assertThat(created.get("orgUscc").asString()).isEqualTo(Forms.ORG_A);
        assertThat(created.get("roles").get(0).asString()).isEqualTo("applicant");
        assertThat(created.get("at").asString()).isNotBlank();
        JsonNode confirmed = trail.get("items").get(5);
        assertThat(confirmed.get("orgUscc").asString()).isEqualTo(Forms.VENDOR);
        assertThat(confirmed.get("detail").asString()).contains("产品研发、测试与运维");
        JsonNode accept = trail.get("items").get(8);
        assertThat(accept.get("actorId").asString()).isEqualTo("sub-office");
        assertThat(accept.get("traceId").asString()).isEqualTo(traceId);
        // the owner's own history in the document keeps one step per run of saves
        assertThat(accepted.json().get("audit")).extracting(a -> a.get("action").asString())
                .containsExactly("CREATED", "DRAFT_SAVED", "PARTICIPANT_CONFIRMED", "DRAFT_SAVED", "SUBMITTED", "ACCEPTED");

        // paged, oldest first
        JsonNode page = api.get("/api/applications/" + id + "/audit?page=1&size=4", Api.office()).json();
        assertThat(page.get("items")).extracting(r -> r.get("action").asString())
                .containsExactly("DRAFT_SAVED", "PARTICIPANT_CONFIRMED", "DRAFT_SAVED", "SUBMITTED");
        assertThat(page.get("total").asLong()).isEqualTo(9);
    }

    @Test
    void only_the_office_reads_a_trail_and_bad_requests_are_problems() {
        String callId = openCall();
        JsonNode trail = api.get("/api/calls/" + callId + "/audit", Api.office()).json();
        assertThat(trail.get("items")).extracting(r -> r.get("action").asString()).containsExactly("PLANNED", "OPENED");
        assertThat(trail.get("items").get(1).get("actorId").asString()).isEqualTo("sub-office");

        String id = api.post("/api/applications", Api.applicantA(), Map.of("callId", callId)).json().get("id").asString();
        assertThat(api.get("/api/applications/" + id + "/audit", Api.applicantA()).status()).isEqualTo(403);
        assertThat(api.get("/api/calls/" + callId + "/audit", Api.vendorZ()).status()).isEqualTo(403);
        assertThat(api.get("/api/applications/" + id + "/audit", null).status()).isEqualTo(401);
        assertThat(api.get("/api/applications/no-such-id/audit", Api.office()).status()).isEqualTo(404);
        HttpApi.Response tooLarge = api.get("/api/applications/" + id + "/audit?size=101", Api.office());
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
        assertThat(tooLarge.json().get("errors").get(0).get("rule").asString()).isEqualTo("range");
    }

    private Forms.Files currentFiles(String id) {
        JsonNode form = api.get("/api/applications/" + id, Api.applicantA()).json().get("form");
        return new Forms.Files(form.get("supportingMaterials").get(0).get("attachmentId").asString(),
                form.get("operationalEvaluation").get("reportAttachmentId").asString(),
                form.get("commitment").get("signedFormAttachmentId").asString());
    }
}
