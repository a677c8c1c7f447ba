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
}
