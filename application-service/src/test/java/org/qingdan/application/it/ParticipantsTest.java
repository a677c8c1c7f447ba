package org.qingdan.application.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.testsupport.HttpApi;
import tools.jackson.databind.JsonNode;

/** Art. 8, Annex 2 §1 through the API: participants are asked, see their part, confirm or decline; submission waits for them. */
class ParticipantsTest extends IntegrationTest {

    private static final String ROLE = "产品研发、测试与运维";

    @Test
    void a_named_participant_is_asked_sees_its_part_confirms_and_only_then_the_lead_submits() {
        String id = completeUnconfirmedDraft(openCall());

        // asked once, by an event notification-service mails and puts in its inbox
        List<ConsumerRecord<String, String>> named = allEvents(id, 1);
        assertThat(named).extracting(r -> header(r, CloudEventHeaders.TYPE)).containsExactly("application.participant-named.v1");
        JsonNode invitation = HttpApi.JSON.readTree(named.get(0).value());
        assertThat(invitation.get("participantUscc").asString()).isEqualTo(Forms.VENDOR);
        assertThat(invitation.get("role").asString()).isEqualTo(ROLE);
        assertThat(invitation.get("leadUscc").asString()).isEqualTo(Forms.ORG_A);
        assertThat(invitation.get("contactEmail").asString()).isEqualTo("lisi@zhixin.example.cn");

        // refused, naming the participant, and nothing changes
        HttpApi.Response refused = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).endsWith("/participants-unconfirmed");
        assertThat(refused.json().get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("field").asString()).isEqualTo("participants[0]");
            assertThat(e.get("rule").asString()).isEqualTo("participant-unconfirmed");
            assertThat(e.get("message").asString()).contains(Forms.VENDOR_NAME, Forms.VENDOR);
        });
        JsonNode lead = api.get("/api/applications/" + id, Api.applicantA()).json();
        assertThat(lead.get("status").asString()).isEqualTo("DRAFT");
        assertThat(lead.get("participants").get(0).get("confirmation").asString()).isEqualTo("PENDING");

        // the participant sees the applications naming it, its own part only, never the whole application
        String vendor = Api.vendorZ();
        assertThat(api.get("/api/applications/participations", vendor).json()).anyMatch(a -> a.get("applicationId").asString().equals(id));
        HttpApi.Response view = api.get("/api/applications/" + id + "/participation", vendor);
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        assertThat(view.json().get("leadName").asString()).isEqualTo(Forms.ORG_A_NAME);
        assertThat(view.json().get("productName").asString()).isEqualTo("信贷风险智能识别平台");
        assertThat(view.json().get("participant").get("role").asString()).isEqualTo(ROLE);
        assertThat(view.json().get("confirmation").isNull()).isTrue();
        assertThat(view.json().has("form")).isFalse();
        assertThat(view.body()).doesNotContain("zhangsan@bank-a.example.cn", "0311-86001234");
        assertThat(api.get("/api/applications/" + id, vendor).status()).isEqualTo(404);
        assertThat(api.get("/api/applications/" + id + "/attachments", vendor).status()).isEqualTo(404);
        assertThat(api.get("/api/applications", vendor).json()).noneMatch(a -> a.get("id").asString().equals(id));
        // read-only: the form is the lead's
        assertThat(api.put("/api/applications/" + id + "/form", vendor, Forms.complete(Forms.files())).status()).isEqualTo(404);
        assertThat(api.post("/api/applications/" + id + "/submit", vendor, "").status()).isEqualTo(404);

        HttpApi.Response confirmed = api.post("/api/applications/" + id + "/participation/confirm", vendor, Map.of("role", ROLE));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("confirmation").get("decision").asString()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().get("confirmation").get("current").asBoolean()).isTrue();

        HttpApi.Response submitted = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        assertThat(submitted.json().get("participants").get(0).get("confirmation").asString()).isEqualTo("CONFIRMED");
        assertThat(submitted.json().get("audit")).extracting(a -> a.get("action").asString()).contains("PARTICIPANT_CONFIRMED");
        // once submitted, the answer is part of the version: no more changes of mind
        HttpApi.Response late = api.post("/api/applications/" + id + "/participation/decline", vendor, Map.of("reason", "改变主意"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).endsWith("/wrong-state");
        // still visible to the participant, read-only
        assertThat(api.get("/api/applications/" + id + "/participation", vendor).json().get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void a_changed_role_asks_again_a_decline_blocks_submission_and_a_stale_confirmation_is_refused() {
        String id = completeDraft(openCall());
        String vendor = Api.vendorZ();

        // the lead changes the vendor's role: its confirmation no longer counts, and it is asked again
        var form = Forms.complete(currentFiles(id));
        var changed = new org.qingdan.application.intake.domain.ApplicationForm(form.applicant(), form.contact(),
                List.of(new org.qingdan.application.intake.domain.ApplicationForm.Participant(Forms.VENDOR_NAME, Forms.VENDOR,
                        "产品研发", false, false)), form.enterprise(), form.product(), form.selfAssessment(), form.operationalEvaluation(),
                form.supportingMaterials(), form.eligibility(), form.opinion(), form.commitment());
        assertThat(api.put("/api/applications/" + id + "/form", Api.applicantA(), changed).status()).isEqualTo(200);
        assertThat(allEvents(id, 2)).extracting(r -> header(r, CloudEventHeaders.TYPE))
                .containsExactly("application.participant-named.v1", "application.participant-named.v1");
        HttpApi.Response refused = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("participant-unconfirmed");

        // a confirmation of the role it saw before is refused, not applied to a role nobody agreed to
        HttpApi.Response stale = api.post("/api/applications/" + id + "/participation/confirm", vendor, Map.of("role", ROLE));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).endsWith("/participant-role-changed");
        assertThat(stale.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

        // declining needs a reason; a declined role blocks the submission, named with the reason
        HttpApi.Response noReason = api.post("/api/applications/" + id + "/participation/decline", vendor, Map.of("reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        assertThat(api.post("/api/applications/" + id + "/participation/decline", vendor, Map.of("reason", "仅提供测试，不承担研发")).status())
                .isEqualTo(200);
        HttpApi.Response blocked = api.post("/api/applications/" + id + "/submit", Api.applicantA(), "");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.json().get("errors").get(0).get("rule").asString()).isEqualTo("participant-declined");
        assertThat(blocked.json().get("errors").get(0).get("message").asString()).contains("仅提供测试，不承担研发");
        JsonNode lead = api.get("/api/applications/" + id, Api.applicantA()).json();
        assertThat(lead.get("participants").get(0).get("confirmation").asString()).isEqualTo("DECLINED");
        assertThat(lead.get("participants").get(0).get("reason").asString()).isEqualTo("仅提供测试，不承担研发");
    }

    @Test
    void only_users_of_a_named_organisation_answer() {
        String id = completeUnconfirmedDraft(openCall());
        // another member organisation: as if the application did not exist
        assertThat(api.get("/api/applications/" + id + "/participation", Api.applicantB()).status()).isEqualTo(404);
        assertThat(api.post("/api/applications/" + id + "/participation/confirm", Api.applicantB(), "").status()).isEqualTo(404);
        // the lead is no participant of its own application
        assertThat(api.post("/api/applications/" + id + "/participation/confirm", Api.applicantA(), "").status()).isEqualTo(404);
        // office and reviewers answer for no organisation
        assertThat(api.post("/api/applications/" + id + "/participation/confirm", Api.office(), "").status()).isEqualTo(403);
        assertThat(api.get("/api/applications/participations", Api.reviewer("reviewer1")).status()).isEqualTo(403);
        assertThat(api.get("/api/applications/participations?size=0", Api.vendorZ()).status()).isEqualTo(400);
        assertThat(api.post("/api/applications/" + id + "/participation/confirm", null, "").status()).isEqualTo(401);
    }

    private Forms.Files currentFiles(String id) {
        JsonNode form = api.get("/api/applications/" + id, Api.applicantA()).json().get("form");
        return new Forms.Files(form.get("supportingMaterials").get(0).get("attachmentId").asString(),
                form.get("operationalEvaluation").get("reportAttachmentId").asString(),
                form.get("commitment").get("signedFormAttachmentId").asString());
    }
}
