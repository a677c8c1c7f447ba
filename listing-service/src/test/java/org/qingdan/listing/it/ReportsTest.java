package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.listing.ProductDelisted.DelistingReason;
import org.qingdan.contracts.review.ReReviewCompleted;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.support.security.Roles;
import org.qingdan.testsupport.files.HostileFiles;
import tools.jackson.databind.JsonNode;

/**
 * Art. 12 reports on listed products, on the real broker, wire server and issuer: who may file, read and triage; the
 * reporter hidden from everyone but the office; evidence checked by content like every upload; a response asked and
 * given; a re-review opened (复核中, the brief on listing.office.events) and concluded: kept (复核保留) or delisted.
 */
class ReportsTest extends ListingIntegrationTest {

    HttpApi.Response file(String listingId, String token, Map<String, byte[]> files, String... kinds) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (String kind : kinds) {
            fields.add(Map.entry("kinds", kind));
        }
        fields.add(Map.entry("description", "我行生产环境十月一日核心模块宕机两日，厂商未及时响应"));
        fields.add(Map.entry("occurredOn", "2026-10-01"));
        return api.multipart("/api/listings/" + listingId + "/reports", token, fields, files);
    }

    static byte[] cleanPdf() {
        return HostileFiles.pdf(doc -> { }, false);
    }

    @Test
    void members_file_reports_with_checked_evidence_and_only_the_office_sees_who() throws Exception {
        listed("rep-1", "智能风控平台");

        HttpApi.Response filed = file("rep-1", memberB(), Map.of("故障说明.pdf", cleanPdf()), "MAJOR_DEFECT", "SECURITY_INCIDENT");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reportId = filed.json().get("id").asString();
        assertThat(filed.json().get("statusLabel").asString()).isEqualTo("已收到，待办公室处理");
        assertThat(filed.json().get("evidence").get(0).get("mediaType").asString()).isEqualTo("application/pdf");

        // who may file: applicants and vendors of a member organisation, on a listed product
        assertThat(file("rep-1", null, Map.of(), "OTHER").status()).isEqualTo(401);
        assertThat(file("rep-1", office(), Map.of(), "OTHER").status()).isEqualTo(403);
        assertThat(file("rep-1", HttpApi.token("expert-1", "91110000100003962T", "某大学", Roles.REVIEWER), Map.of(), "OTHER").status())
                .isEqualTo(403);
        assertThat(file("no-such-listing", memberB(), Map.of(), "OTHER").status()).isEqualTo(404);

        // evidence gets the same content checks as an application's attachments
        HttpApi.Response script = file("rep-1", memberB(), Map.of("说明.pdf", HostileFiles.rawPdf(HostileFiles.onePage(
                "/Annots [<< /Subtype /Link /Rect [0 0 9 9] /A << /S /JavaScript /JS (app.alert(1)) >> >>]"))), "OTHER");
        assertThat(script.status()).as(script.body()).isEqualTo(422);
        assertThat(script.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(script.json().get("errors").get(0).get("rule").asString()).isEqualTo("attachment-active-content");
        assertThat(file("rep-1", memberB(), Map.of("a.exe", "MZ\u0090\u0000 not a document".getBytes(StandardCharsets.ISO_8859_1)), "OTHER")
                .status()).isEqualTo(415);

        // rules, each naming field and rule
        HttpApi.Response noKind = api.multipart("/api/listings/rep-1/reports", memberB(),
                List.of(Map.entry("description", "x"), Map.entry("occurredOn", "2026-10-01")), Map.of());
        assertThat(noKind.status()).isEqualTo(422);
        assertThat(noKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kinds");
        HttpApi.Response future = api.multipart("/api/listings/rep-1/reports", memberB(), List.of(Map.entry("kinds", "OTHER"),
                Map.entry("description", "x"), Map.entry("occurredOn", "2099-01-01")), Map.of());
        assertThat(future.json().get("errors").get(0).get("rule").asString()).isEqualTo("not-in-future");
        HttpApi.Response badKind = file("rep-1", memberB(), Map.of(), "NO_SUCH_KIND");
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().get("errors").get(0).get("field").asString()).isEqualTo("kinds");

        // the office sees the reporter; the enterprise and the lead see that it exists and its status, never who
        JsonNode forOffice = api.get("/api/listings/reports/" + reportId, office()).json();
        assertThat(forOffice.get("reporter").get("orgName").asString()).isEqualTo("乙银行股份有限公司");
        for (String concerned : List.of(vendorOfEnterprise(), leadApplicant())) {
            HttpApi.Response seen = api.get("/api/listings/reports/" + reportId, concerned);
            assertThat(seen.status()).isEqualTo(200);
            assertThat(seen.json().get("status").asString()).isEqualTo("FILED");
            assertThat(seen.json().get("reporter").isNull()).isTrue();
            assertThat(seen.body()).doesNotContain("applicant-b").doesNotContain("乙银行").doesNotContain("911301027356003226");
            assertThat(api.get("/api/listings/reports/mine?about=products", concerned).json().get("total").asInt()).isGreaterThanOrEqualTo(1);
        }
        assertThat(api.get("/api/listings/reports/" + reportId, memberC()).status()).isEqualTo(404);
        assertThat(api.get("/api/listings/reports/mine", memberB()).json().get("items").get(0).get("description").asString())
                .contains("宕机");
        assertThat(api.get("/api/listings/reports", memberB()).status()).isEqualTo(403);
        assertThat(api.get("/api/listings/reports?listingId=rep-1", office()).json().get("total").asInt()).isEqualTo(1);
        assertThat(api.get("/api/listings/reports?status=NOPE&size=1000", office()).json().get("errors")).hasSize(2);
        // evidence: the office and the reporting organisation download it; the enterprise does not
        String fileId = forOffice.get("evidence").get(0).get("id").asString();
        assertThat(api.download("/api/listings/reports/" + reportId + "/files/" + fileId, office()).statusCode()).isEqualTo(200);
        assertThat(api.download("/api/listings/reports/" + reportId + "/files/" + fileId, memberB()).statusCode()).isEqualTo(200);
        assertThat(api.download("/api/listings/reports/" + reportId + "/files/" + fileId, vendorOfEnterprise()).statusCode()).isEqualTo(404);
        // nothing of it public
        assertThat(api.get("/api/public/listings/rep-1", null).body()).doesNotContain("宕机").doesNotContain(reportId);

        // the office asks for a response; the enterprise answers before the deadline; others may not
        Instant deadline = clock.instant().plus(Duration.ofDays(10));
        HttpApi.Response asked = api.post("/api/listings/reports/" + reportId + "/request-response", office(),
                Map.of("question", "请说明十月一日故障的原因与整改情况", "respondBy", deadline.toString()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(200);
        assertThat(api.post("/api/listings/reports/" + reportId + "/request-response", office(),
                Map.of("question", "x", "respondBy", clock.instant().minusSeconds(1).toString())).json().get("errors").get(0)
                .get("rule").asString()).isEqualTo("in-future");
        assertThat(api.post("/api/listings/reports/" + reportId + "/request-response", memberB(),
                Map.of("question", "x", "respondBy", deadline.toString())).status()).isEqualTo(403);
        assertThat(api.get("/api/listings/reports/" + reportId, vendorOfEnterprise()).json().get("responseRequest").get("question").asString())
                .contains("整改");
        HttpApi.Response answer = api.multipart("/api/listings/reports/" + reportId + "/responses", vendorOfEnterprise(),
                List.of(Map.entry("text", "故障系第三方数据库缺陷所致，已于十月三日修复并完成回归测试")), Map.of("整改报告.pdf", cleanPdf()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(answer.json().get("status").asString()).isEqualTo("RESPONDED");
        assertThat(api.multipart("/api/listings/reports/" + reportId + "/responses", memberC(),
                List.of(Map.entry("text", "x")), Map.of()).status()).isEqualTo(404);
        assertThat(api.multipart("/api/listings/reports/" + reportId + "/responses", leadApplicant(),
                List.of(), Map.of()).json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        clock.advance(Duration.ofDays(11));
        assertThat(api.multipart("/api/listings/reports/" + reportId + "/responses", leadApplicant(),
                List.of(Map.entry("text", "迟到的说明")), Map.of()).json().get("rule").asString()).isEqualTo("past-deadline");

        // dismissed with a reason: final
        assertThat(api.post("/api/listings/reports/" + reportId + "/dismiss", office(), Map.of()).status()).isEqualTo(422);
        HttpApi.Response dismissed = api.post("/api/listings/reports/" + reportId + "/dismiss", office(),
                Map.of("reason", "故障已整改，经核实不影响产品认定"));
        assertThat(dismissed.json().get("status").asString()).isEqualTo("DISMISSED");
        // the reporting organisation is told, with the reason, on the office's topic only (its key: the report)
        JsonNode closed = events(Topics.LISTING_OFFICE_EVENTS, reportId, "listing.report-closed.v1").get("listing.report-closed.v1");
        assertThat(closed.get("outcome").asString()).isEqualTo("DISMISSED");
        assertThat(closed.get("reasons").get(0).asString()).isEqualTo("故障已整改，经核实不影响产品认定");
        assertThat(closed.get("reporterOrgUscc").asString()).isEqualTo("911301027356003226");
        assertThat(api.post("/api/listings/reports/" + reportId + "/re-review", office(), Map.of("reason", "x")).json().get("rule")
                .asString()).isEqualTo("already-decided");

        // every step in the listing's audit trail, with who
        JsonNode trail = api.get("/api/listings/rep-1/audit?size=100", office()).json();
        assertThat(trail.get("items")).extracting(r -> r.get("action").asString()).contains("REPORT_FILED",
                "REPORT_RESPONSE_REQUESTED", "REPORT_RESPONDED", "REPORT_DISMISSED");
    }

    @Test
    void a_report_sent_again_with_its_idempotency_key_is_filed_once_and_the_key_is_not_reused_for_another() throws Exception {
        listed("rep-3", "幂等反映测试产品"); // a name no other test of this JVM searches for
        List<Map.Entry<String, String>> fields = List.of(Map.entry("kinds", "CUSTOMER_COMPLAINT"),
                Map.entry("description", "客户投诉机器人答非所问，未能及时化解"), Map.entry("occurredOn", "2026-10-08"));
        String path = "/api/listings/rep-3/reports";
        HttpApi.Response first = api.multipart(path, memberC(), fields, Map.of("投诉记录.pdf", cleanPdf()), "Idempotency-Key", "rep-key-1");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        HttpApi.Response again = api.multipart(path, memberC(), fields, Map.of("投诉记录.pdf", cleanPdf()), "Idempotency-Key", "rep-key-1");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.json().get("evidence").get(0).get("id").asString()).isEqualTo(first.json().get("evidence").get(0).get("id").asString());
        JsonNode all = api.get("/api/listings/reports?listingId=rep-3", office()).json();
        assertThat(all.get("total").asLong()).isEqualTo(1);
        assertThat(api.get("/api/listings/rep-3/audit?size=100", office()).json().get("items"))
                .filteredOn(r -> r.get("action").asString().equals("REPORT_FILED")).hasSize(1);

        // the same key for another request: refused, nothing filed
        HttpApi.Response other = api.multipart(path, memberC(), List.of(Map.entry("kinds", "OTHER"), Map.entry("description", "另一件事"),
                Map.entry("occurredOn", "2026-10-09")), Map.of(), "Idempotency-Key", "rep-key-1");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("idempotency-key-reused");
        // the key is the organisation's: another organisation's same key files its own report
        HttpApi.Response theirs = api.multipart(path, memberB(), fields, Map.of(), "Idempotency-Key", "rep-key-1");
        assertThat(theirs.status()).isEqualTo(201);
        assertThat(theirs.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
        assertThat(api.get("/api/listings/reports?listingId=rep-3", office()).json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void a_re_review_shows_under_review_publicly_briefs_review_service_and_ends_kept_or_delisted() throws Exception {
        listed("rep-2", "智能网点助手");
        String first = file("rep-2", memberB(), Map.of("证据.pdf", cleanPdf()), "CUSTOMER_COMPLAINT").json().get("id").asString();
        String second = file("rep-2", memberC(), Map.of(), "VIOLATION_OF_LAW").json().get("id").asString();
        assertThat(api.post("/api/listings/reports/" + first + "/re-review", memberB(), Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.post("/api/listings/reports/" + first + "/re-review", office(), Map.of()).json().get("errors").get(0)
                .get("field").asString()).isEqualTo("reason");

        HttpApi.Response opened = api.post("/api/listings/reports/" + first + "/re-review", office(), Map.of("reason", "投诉属实，需专家复核"));
        assertThat(opened.status()).as(opened.body()).isEqualTo(200);
        assertThat(opened.json().get("status").asString()).isEqualTo("RE_REVIEW");
        // repeated: nothing more; another report while one is open: refused
        assertThat(api.post("/api/listings/reports/" + first + "/re-review", office(), Map.of("reason", "投诉属实，需专家复核")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/listings/reports/" + second + "/re-review", office(), Map.of("reason", "再次复核")).json().get("rule")
                .asString()).isEqualTo("re-review-open");

        JsonNode summary = api.get("/api/public/listings/rep-2", null).json().get("summary");
        assertThat(summary.get("status").asString()).isEqualTo("LISTED");
        assertThat(summary.get("reReviewLabel").asString()).isEqualTo("复核中");
        assertThat(api.get("/api/public/listings/rep-2", null).json().get("history")).last()
                .satisfies(h -> assertThat(h.get("type").asString()).isEqualTo("RE_REVIEW_OPENED"));

        String reReviewId = "rr-" + first;
        Map<String, JsonNode> office = events(Topics.LISTING_OFFICE_EVENTS, "rep-2", "listing.re-review-requested.v1");
        JsonNode brief = office.get("listing.re-review-requested.v1");
        assertThat(brief.get("reReviewId").asString()).isEqualTo(reReviewId);
        assertThat(brief.get("product").get("productName").asString()).isEqualTo("智能网点助手");
        assertThat(brief.get("report").get("evidence")).hasSize(1);
        assertThat(brief.toString()).doesNotContain("applicant-b").doesNotContain("乙银行");
        assertThat(events(Topics.LISTING_EVENTS, "rep-2", "listing.re-review-opened.v1")).containsKey("listing.re-review-opened.v1");

        // the committee keeps it listed (redelivered: once)
        ReReviewCompleted kept = new ReReviewCompleted(UUID.randomUUID(), Instant.now(), reReviewId, 7, "rep-2", reReviewId, "智能网点助手",
                ReReviewCompleted.Outcome.KEEP_LISTED, null, null, List.of("投诉已化解，风险可控"), "committee", Instant.now());
        send(kept);
        send(kept);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/public/listings/rep-2", null).json().get("summary")
                .get("reReviewLabel").isNull());
        JsonNode detail = api.get("/api/public/listings/rep-2", null).json();
        assertThat(detail.get("history")).filteredOn(h -> h.get("type").asString().equals("RE_REVIEW_KEPT")).singleElement()
                .satisfies(h -> {
                    assertThat(h.get("summary").asString()).isEqualTo("复核保留：投诉已化解，风险可控");
                    assertThat(h.get("actedBy").asString()).isEqualTo("COMMITTEE");
                });
        assertThat(api.get("/api/listings/reports/" + first, office()).json().get("status").asString()).isEqualTo("KEPT");
        JsonNode told = events(Topics.LISTING_OFFICE_EVENTS, first, "listing.report-closed.v1").get("listing.report-closed.v1");
        assertThat(told.get("outcome").asString()).isEqualTo("KEPT");
        assertThat(told.get("reasons").get(0).asString()).isEqualTo("投诉已化解，风险可控");
        assertThat(events(Topics.LISTING_EVENTS, "rep-2", "listing.re-review-concluded.v1").get("listing.re-review-concluded.v1")
                .get("outcome").asString()).isEqualTo("KEPT");

        // the second report: re-review, and the committee delists for Art. 12 (三) with the Art. 5 ground
        assertThat(api.post("/api/listings/reports/" + second + "/re-review", office(), Map.of("reason", "涉嫌违法违规")).status()).isEqualTo(200);
        String second_rr = "rr-" + second;
        send(new ReReviewCompleted(UUID.randomUUID(), Instant.now(), second_rr, 7, "rep-2", second_rr, "智能网点助手",
                ReReviewCompleted.Outcome.DELIST, DelistingReason.ART5_EXCLUSION, ExclusionGround.LEGAL_OR_REGULATORY_RISK,
                List.of("存在违法违规风险"), "committee", Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("rep-2").equals("DELISTED"));
        detail = api.get("/api/public/listings/rep-2", null).json();
        assertThat(detail.get("delisting").get("exclusionGround").asString()).isEqualTo("LEGAL_OR_REGULATORY_RISK");
        assertThat(detail.get("history")).last().satisfies(h -> {
            assertThat(h.get("type").asString()).isEqualTo("DELISTED");
            assertThat(h.get("actedBy").asString()).isEqualTo("COMMITTEE");
            assertThat(h.get("edition").isNull()).isFalse();
        });
        assertThat(api.get("/api/listings/reports/" + second, office()).json().get("status").asString()).isEqualTo("DELISTED");
        assertThat(events(Topics.LISTING_EVENTS, "rep-2", "listing.product-delisted.v1")).containsKey("listing.product-delisted.v1");
        assertThat(api.get("/api/listings/rep-2/audit?size=100", office()).json().get("items")).extracting(r -> r.get("action").asString())
                .contains("RE_REVIEW_OPENED", "RE_REVIEW_KEPT", "RE_REVIEW_DELISTED");
    }

    void send(ReReviewCompleted event) throws Exception {
        kafka.send(CloudEventRecords.of(event, "/review-service")).get();
    }
}
