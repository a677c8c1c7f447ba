package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;
import org.qingdan.testsupport.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * The yearly re-confirmation on the real broker, wire server and issuer: only the lead confirms, within 30 days of the
 * anniversary; the public record shows the date (listing.reconfirmed.v1); an overdue one is flagged to the office once
 * (listing.reconfirmation-overdue.v1) and listed for it.
 */
class ReconfirmationsTest extends ListingIntegrationTest {

    static final Map<String, Object> CONFIRM = Map.of("inProduction", true, "noUnreportedIncident", true, "selfAssessmentAccurate", true,
            "note", "产品运行正常");

    @Test
    void the_lead_reconfirms_yearly_and_an_overdue_one_is_flagged_to_the_office_once() throws Exception {
        listed("yr-1", "年度确认平台");
        assertThat(api.post("/api/listings/yr-1/reconfirm", leadApplicant(), CONFIRM).json().get("rule").asString()).isEqualTo("not-yet-due");
        clock.advance(Duration.ofDays(340));
        assertThat(api.post("/api/listings/yr-1/reconfirm", memberB(), CONFIRM).status()).isEqualTo(403);
        assertThat(api.post("/api/listings/yr-1/reconfirm", vendorOfEnterprise(), CONFIRM).status()).isEqualTo(403);
        HttpApi.Response half = api.post("/api/listings/yr-1/reconfirm", leadApplicant(), Map.of("inProduction", true));
        assertThat(half.status()).isEqualTo(422);
        assertThat(half.json().get("errors").get(0).get("field").asString()).isEqualTo("noUnreportedIncident");
        HttpApi.Response confirmed = api.post("/api/listings/yr-1/reconfirm", leadApplicant(), CONFIRM);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("summary").get("lastConfirmedAt").isNull()).isFalse();
        assertThat(confirmed.body()).doesNotContain("objections");
        assertThat(api.get("/api/public/listings/yr-1", null).json().get("summary").get("lastConfirmedAt").isNull()).isFalse();
        assertThat(events(Topics.LISTING_EVENTS, "yr-1", "listing.reconfirmed.v1")).containsKey("listing.reconfirmed.v1");

        // a year and a bit later nobody confirmed: the schedule tells the office once
        clock.advance(Duration.ofDays(370));
        JsonNode run = api.post("/api/listings/schedule/run", office(), "").json();
        assertThat(run.get("overdueFlagged").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.post("/api/listings/schedule/run", office(), "").json().get("overdueFlagged").asInt()).isZero();
        assertThat(events(Topics.LISTING_OFFICE_EVENTS, "yr-1", "listing.reconfirmation-overdue.v1"))
                .containsKey("listing.reconfirmation-overdue.v1");
        JsonNode overdue = api.get("/api/listings/reconfirmations/overdue?size=100", office()).json();
        assertThat(overdue.get("items")).anySatisfy(l -> assertThat(l.get("id").asString()).isEqualTo("yr-1"));
        assertThat(api.get("/api/listings/reconfirmations/overdue", memberB()).status()).isEqualTo(403);
        // the office may delist under Art. 12 (四) with a reason
        assertThat(api.post("/api/listings/yr-1/delist", office(), Map.of("reason", "OTHER", "explanation", "逾期未进行年度确认")).status())
                .isEqualTo(200);
        assertThat(api.get("/api/listings/yr-1/audit?size=100", office()).json().get("items")).extracting(r -> r.get("action").asString())
                .contains("RECONFIRMED", "RECONFIRMATION_OVERDUE", "DELISTED");
    }

    static final String WHY = "运维外包后风险防控评价调为合格";

    static Map<String, Object> notAccurate(Map<String, Object> ratings) {
        return Map.of("inProduction", true, "noUnreportedIncident", true, "selfAssessmentAccurate", false, "updatedSelfAssessment", ratings);
    }

    static final Map<String, Object> RATINGS = Map.of("legalCompliance", "EXCELLENT", "financialInnovation", "GOOD", "riskControl", "QUALIFIED",
            "afterSalesService", "GOOD", "explanation", WHY);

    @Test
    void a_self_assessment_no_longer_accurate_is_declared_with_its_ratings_which_the_office_and_the_lead_read_and_the_public_never()
            throws Exception {
        listed("yr-2", "自主评估更新平台");
        clock.advance(Duration.ofDays(340));
        // not accurate: all four ratings and why, each missing one named
        HttpApi.Response none = api.post("/api/listings/yr-2/reconfirm", leadApplicant(), notAccurate(Map.of()));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.json().get("errors").get(0).get("field").asString()).isEqualTo("updatedSelfAssessment.legalCompliance");
        assertThat(none.json().get("errors").get(0).get("rule").asString()).isEqualTo("required-when-not-accurate");
        Map<String, Object> noRisk = new java.util.HashMap<>(RATINGS);
        noRisk.remove("riskControl");
        assertThat(api.post("/api/listings/yr-2/reconfirm", leadApplicant(), notAccurate(noRisk)).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("updatedSelfAssessment.riskControl");
        Map<String, Object> noWhy = new java.util.HashMap<>(RATINGS);
        noWhy.remove("explanation");
        assertThat(api.post("/api/listings/yr-2/reconfirm", leadApplicant(), notAccurate(noWhy)).json().get("errors").get(0).get("field")
                .asString()).isEqualTo("updatedSelfAssessment.explanation");
        HttpApi.Response withoutAnswer = api.post("/api/listings/yr-2/reconfirm", leadApplicant(),
                Map.of("inProduction", true, "noUnreportedIncident", true));
        assertThat(withoutAnswer.json().get("errors").get(0).get("field").asString()).isEqualTo("selfAssessmentAccurate");
        // accurate: no ratings
        Map<String, Object> both = new java.util.HashMap<>(CONFIRM);
        both.put("updatedSelfAssessment", RATINGS);
        HttpApi.Response contradicting = api.post("/api/listings/yr-2/reconfirm", leadApplicant(), both);
        assertThat(contradicting.status()).isEqualTo(422);
        assertThat(contradicting.json().get("errors").get(0).get("rule").asString()).isEqualTo("only-when-not-accurate");

        HttpApi.Response confirmed = api.post("/api/listings/yr-2/reconfirm", leadApplicant(), notAccurate(RATINGS));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).doesNotContain(WHY).doesNotContain("QUALIFIED").doesNotContain("自主评估已").contains("年度确认：产品仍在生产使用，无未报告的重大事故");

        // never public: not the public record, its feeds, nor listing.events
        String publicRecord = api.get("/api/public/listings/yr-2", null).body();
        assertThat(publicRecord).doesNotContain(WHY).doesNotContain("QUALIFIED").doesNotContain("updatedSelfAssessment");
        JsonNode reconfirmed = events(Topics.LISTING_EVENTS, "yr-2", "listing.reconfirmed.v1").get("listing.reconfirmed.v1");
        assertThat(reconfirmed.toString()).doesNotContain(WHY).doesNotContain("QUALIFIED");
        // the office is told on its own stream, with the ratings
        JsonNode told = events(Topics.LISTING_OFFICE_EVENTS, "yr-2", "listing.self-assessment-updated.v1").get("listing.self-assessment-updated.v1");
        assertThat(told.get("ratings").get("riskControl").asString()).isEqualTo("QUALIFIED");
        assertThat(told.get("explanation").asString()).isEqualTo(WHY);
        assertThat(told.get("leadApplicantUscc").asString()).isEqualTo(LEAD_USCC);

        // the office and the lead read the ratings with the confirmation; nobody else
        for (String reader : new String[] {office(), leadApplicant()}) {
            JsonNode history = api.get("/api/listings/yr-2/reconfirmations", reader).json();
            assertThat(history.get("selfAssessmentUpdatedAt").isNull()).isFalse();
            JsonNode last = history.get("confirmations").get(0);
            assertThat(last.get("selfAssessmentAccurate").asBoolean()).isFalse();
            assertThat(last.get("explanation").asString()).isEqualTo(WHY);
            assertThat(last.get("updatedRatings")).extracting(r -> r.get("dimensionLabel").asString() + " " + r.get("ratingLabel").asString())
                    .containsExactly("依法依规 优秀", "金融创新 良好", "风险防控 合格", "售后服务 良好");
        }
        assertThat(api.get("/api/listings/yr-2/reconfirmations", memberB()).status()).isEqualTo(403);
        assertThat(api.get("/api/listings/yr-2/reconfirmations", vendorOfEnterprise()).status()).isEqualTo(403);
        assertThat(api.get("/api/listings/yr-2/reconfirmations", null).status()).isEqualTo(401);
        assertThat(api.get("/api/listings/no-such/reconfirmations", office()).status()).isEqualTo(404);
        assertThat(api.get("/api/listings/yr-2/audit?size=100", office()).body()).contains("自主评估已更新：依法依规 优秀，金融创新 良好，风险防控 合格，售后服务 良好");

        // a year on, overdue: the office's list shows that the self-assessment was updated at the last confirmation
        clock.advance(Duration.ofDays(370));
        api.post("/api/listings/schedule/run", office(), "");
        JsonNode overdue = api.get("/api/listings/reconfirmations/overdue?size=100", office()).json();
        assertThat(overdue.get("items")).filteredOn(l -> l.get("id").asString().equals("yr-2")).singleElement()
                .satisfies(l -> assertThat(l.get("reconfirmation").get("selfAssessmentUpdatedAt").isNull()).isFalse());
    }
}
