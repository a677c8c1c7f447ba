package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;
import org.qingdan.testsupport.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * Art. 12 (二) major changes of a listed product's enterprise, on the real broker, wire server and issuer: reported by
 * the enterprise or the lead applicant only, a USCC checked like every USCC, accepted into a corrected public record
 * and a new edition (listing.record-corrected.v1), or the product delisted for reason (二).
 */
class EnterpriseChangesTest extends ListingIntegrationTest {

    @Test
    void the_enterprise_reports_a_change_and_the_office_corrects_the_public_record_in_a_new_edition() throws Exception {
        listed("chg-1", "数据中台");
        Map<String, Object> change = Map.of("kind", "NAME", "description", "经市场监督管理部门核准更名", "effectiveOn", "2026-11-01",
                "newEnterpriseName", "北京智信数字科技有限公司");
        assertThat(api.post("/api/listings/chg-1/changes", memberB(), change).status()).isEqualTo(403);
        assertThat(api.post("/api/listings/chg-1/changes", office(), change).status()).isEqualTo(403);
        HttpApi.Response badUscc = api.post("/api/listings/chg-1/changes", vendorOfEnterprise(), Map.of("kind", "USCC",
                "description", "换发营业执照", "effectiveOn", "2026-11-01", "newEnterpriseUscc", "91110000100003962A"));
        assertThat(badUscc.status()).isEqualTo(422);
        assertThat(badUscc.json().get("errors").get(0).get("field").asString()).isEqualTo("newEnterpriseUscc");
        assertThat(badUscc.json().get("errors").get(0).get("rule").asString()).isEqualTo("uscc-check-character");

        HttpApi.Response reported = api.post("/api/listings/chg-1/changes", vendorOfEnterprise(), change);
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        String id = reported.json().get("id").asString();
        assertThat(api.get("/api/listings/changes/" + id, memberB()).status()).isEqualTo(404);
        assertThat(api.get("/api/listings/changes?listingId=chg-1", office()).json().get("total").asInt()).isEqualTo(1);
        long before = api.get("/api/public/listings.json", null).json().get("number").asLong();

        assertThat(api.post("/api/listings/changes/" + id + "/accept", memberB(), Map.of("note", "x")).status()).isEqualTo(403);
        HttpApi.Response accepted = api.post("/api/listings/changes/" + id + "/accept", office(), Map.of("note", "已核实营业执照"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("status").asString()).isEqualTo("ACCEPTED");
        // repeated: no second correction, no second edition
        assertThat(api.post("/api/listings/changes/" + id + "/accept", office(), Map.of("note", "已核实营业执照")).status()).isEqualTo(200);

        JsonNode page = api.get("/api/public/listings/chg-1", null).json();
        assertThat(page.get("summary").get("enterpriseName").asString()).isEqualTo("北京智信数字科技有限公司");
        assertThat(page.get("history")).filteredOn(h -> h.get("type").asString().equals("RECORD_CORRECTED")).singleElement()
                .satisfies(h -> assertThat(h.get("edition").asLong()).isEqualTo(before + 1));
        assertThat(api.get("/api/public/listings.json", null).json().get("number").asLong()).isEqualTo(before + 1);
        assertThat(api.get("/api/public/editions/verification", null).json().toString()).doesNotContain("\"ok\":false");
        JsonNode event = events(Topics.LISTING_EVENTS, "chg-1", "listing.record-corrected.v1").get("listing.record-corrected.v1");
        assertThat(event.get("product").get("enterprise").get("name").asString()).isEqualTo("北京智信数字科技有限公司");
        assertThat(event.get("edition").asLong()).isEqualTo(before + 1);

        // a second change: the office delists for Art. 12 (二)
        String second = api.post("/api/listings/chg-1/changes", leadApplicant(), Map.of("kind", "BANKRUPTCY_OR_DEREGISTRATION",
                "description", "企业进入破产清算程序", "effectiveOn", "2026-11-10")).json().get("id").asString();
        HttpApi.Response delisted = api.post("/api/listings/changes/" + second + "/delist", office(), Map.of("note", "无法持续交付与售后"));
        assertThat(delisted.status()).as(delisted.body()).isEqualTo(200);
        assertThat(status("chg-1")).isEqualTo("DELISTED");
        assertThat(api.get("/api/public/listings/chg-1", null).json().get("delisting").get("reason").asString())
                .isEqualTo("MAJOR_ENTERPRISE_CHANGE");
        assertThat(api.get("/api/listings/chg-1/audit?size=100", office()).json().get("items")).extracting(r -> r.get("action").asString())
                .contains("ENTERPRISE_CHANGE_REPORTED", "RECORD_CORRECTED", "DELISTED");
    }
}
