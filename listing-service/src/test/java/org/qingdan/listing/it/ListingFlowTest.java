package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.ProductType;
import org.qingdan.listing.Products;
import org.qingdan.testsupport.HttpApi;
import tools.jackson.databind.JsonNode;

class ListingFlowTest extends ListingIntegrationTest {

    @Test
    void approval_starts_notice_once_then_objection_dismissed_then_listed_then_delisted_all_in_public_history() throws Exception {
        var product = Products.product("flow-1", "信贷风险智能识别平台");
        var approval = approved(product);
        send(approval);
        send(approval); // redelivered
        await().atMost(Duration.ofSeconds(20)).until(() -> status("flow-1").equals("PUBLIC_NOTICE"));

        HttpApi.Response objection = api.post("/api/listings/flow-1/objections", memberB(),
                Map.of("grounds", "该产品在我行试用期间出现过数据同步故障", "evidence", "故障报告编号 2026-031"));
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        String objectionId = objection.json().get("id").asString();
        assertThat(api.post("/api/listings/flow-1/objections", null, Map.of("grounds", "匿名")).status()).isEqualTo(401);

        HttpApi.Response dismissed = api.post("/api/listings/flow-1/objections/" + objectionId + "/dismiss", office(),
                Map.of("reason", "经核实，故障已于试用期内修复，不影响认定"));
        assertThat(dismissed.status()).as(dismissed.body()).isEqualTo(200);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        // the notice timer may have listed it already; the office's run lists whatever is left
        assertThat(api.post("/api/listings/schedule/run", office(), "").status()).isEqualTo(200);
        assertThat(status("flow-1")).isEqualTo("LISTED");

        HttpApi.Response delisted = api.post("/api/listings/flow-1/delist", office(), Map.of("reason", "ART5_EXCLUSION",
                "exclusionGround", "UNRESOLVED_COMPLAINTS", "explanation", "使用单位投诉未能及时有效化解", "evidence", "投诉记录"));
        assertThat(delisted.status()).as(delisted.body()).isEqualTo(200);

        JsonNode detail = api.get("/api/public/listings/flow-1", null).json();
        assertThat(detail.get("summary").get("status").asString()).isEqualTo("DELISTED");
        assertThat(detail.get("delisting").get("exclusionGroundLabel").asString()).contains("投诉");
        assertThat(detail.get("history")).extracting(h -> h.get("type").asString()).containsExactly(
                "PUBLIC_NOTICE_STARTED", "OBJECTION_LODGED", "OBJECTION_DISMISSED", "LISTED", "DELISTED");
        // the objector's identity is not public
        assertThat(api.get("/api/public/listings/flow-1", null).body()).doesNotContain("applicant-b").doesNotContain("故障报告编号");
        // each step names the body that acted, never a person
        assertThat(detail.get("history")).extracting(h -> h.get("actedBy").asString())
                .containsExactly("COMMITTEE", "MEMBER", "OFFICE", "OFFICE", "OFFICE");
        assertThat(detail.get("history").get(0).get("actedByLabel").asString()).isEqualTo("金融科技专委会");
        assertThat(detail.get("history").get(2).get("actedByLabel").asString()).isEqualTo("专委会办公室");
        assertThat(api.get("/api/public/listings/flow-1", null).body()).doesNotContain("\"office\"").doesNotContain("sub-office");

        // the office's audit trail has who, which organisation and which request
        JsonNode trail = api.get("/api/listings/flow-1/audit", office()).json();
        assertThat(trail.get("items")).extracting(r -> r.get("action").asString()).containsExactly(
                "PUBLIC_NOTICE_STARTED", "OBJECTION_LODGED", "OBJECTION_DISMISSED", "LISTED", "DELISTED");
        JsonNode lodged = trail.get("items").get(1);
        assertThat(lodged.get("actorId").asString()).isEqualTo("sub-applicant-b");
        assertThat(lodged.get("orgUscc").isNull()).isFalse();
        assertThat(trail.get("items").get(0).get("actorId").asString()).isEqualTo("review-service");
        assertThat(trail.get("items").get(3).get("actorId").asString()).isEqualTo("system");
        JsonNode delist = trail.get("items").get(4);
        assertThat(delist.get("actorId").asString()).isEqualTo("sub-office");
        assertThat(delist.get("traceId").asString()).isEqualTo(delisted.headers().firstValue("X-Trace-Id").orElseThrow());
        assertThat(delist.get("detail").asString()).contains("使用单位投诉未能及时有效化解");
        assertThat(api.get("/api/listings/flow-1/audit", memberB()).status()).isEqualTo(403);
        assertThat(api.get("/api/listings/no-such-listing/audit", office()).status()).isEqualTo(404);
        assertThat(api.get("/api/listings/flow-1/audit?page=-1", office()).status()).isEqualTo(400);
    }

    @Test
    void an_upheld_objection_keeps_the_product_off_the_list() throws Exception {
        send(approved(Products.product("flow-2", "智能客服机器人")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("flow-2").equals("PUBLIC_NOTICE"));
        String objectionId = api.post("/api/listings/flow-2/objections", memberB(), Map.of("grounds", "涉嫌弄虚作假"))
                .json().get("id").asString();
        assertThat(api.post("/api/listings/flow-2/objections/" + objectionId + "/uphold", memberB(), Map.of("reason", "x")).status())
                .isEqualTo(403);
        api.post("/api/listings/flow-2/objections/" + objectionId + "/uphold", office(), Map.of("reason", "经核实存在弄虚作假行为"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");
        assertThat(status("flow-2")).isEqualTo("NOT_LISTED");
        assertThat(api.get("/api/public/listings?q=智能客服", null).json().get("total").asInt()).isZero();
    }

    @Test
    void a_notice_ends_when_it_is_due_without_waiting_for_the_poll() throws Exception {
        // the poll runs hourly in these tests: only the notice timer can list it within the wait
        send(approved(Products.product("flow-timer", "智能票据识别")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("flow-timer").equals("PUBLIC_NOTICE"));
        clock.advance(Duration.ofDays(8));
        await().atMost(Duration.ofSeconds(10)).until(() -> status("flow-timer").equals("LISTED"));
    }

    @Test
    void voluntary_withdrawal_by_the_enterprise_and_not_by_others() throws Exception {
        send(approved(Products.product("flow-3", "移动办公平台")));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("flow-3").equals("PUBLIC_NOTICE"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");
        assertThat(api.post("/api/listings/flow-3/withdraw", memberB(), Map.of("explanation", "不是我的产品")).status()).isEqualTo(403);
        String vendor = HttpApi.token("vendor-x", "91110108551385082Q", "北京智信科技有限公司", "vendor");
        HttpApi.Response withdrawn = api.post("/api/listings/flow-3/withdraw", vendor, Map.of("explanation", "企业自愿退出清单管理"));
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().get("delisting").get("reason").asString()).isEqualTo("VOLUNTARY_WITHDRAWAL");
        // the enterprise's own request, in public; who asked, in the office's trail
        assertThat(api.get("/api/public/listings/flow-3", null).json().get("history")).last()
                .satisfies(h -> assertThat(h.get("actedBy").asString()).isEqualTo("ENTERPRISE"));
        assertThat(api.get("/api/listings/flow-3/audit", office()).json().get("items")).last().satisfies(r -> {
            assertThat(r.get("action").asString()).isEqualTo("WITHDRAWN");
            assertThat(r.get("actorId").asString()).isEqualTo("sub-vendor-x");
            assertThat(r.get("orgUscc").asString()).isEqualTo("91110108551385082Q");
        });
    }

    @Test
    void filters_and_chinese_search_with_bounded_paging() throws Exception {
        send(approved(Products.product("find-1", "反洗钱监测系统", "石家庄数安科技有限公司", ProductType.FINANCIAL_SERVICE,
                List.of(ApplicationScenario.ANTI_FRAUD_AML, ApplicationScenario.REGULATORY_REPORTING), 2025)));
        send(approved(Products.product("find-2", "网点智能终端", "保定智行科技有限公司", ProductType.TECH_ENABLEMENT,
                List.of(ApplicationScenario.SMART_BRANCH), 2026)));
        await().atMost(Duration.ofSeconds(20)).until(() -> status("find-1").equals("PUBLIC_NOTICE") && status("find-2").equals("PUBLIC_NOTICE"));
        clock.advance(Duration.ofDays(8));
        api.post("/api/listings/schedule/run", office(), "");

        assertThat(ids("/api/public/listings?q=洗钱")).containsExactly("find-1");
        assertThat(ids("/api/public/listings?enterprise=保定")).containsExactly("find-2");
        assertThat(ids("/api/public/listings?scenario=SMART_BRANCH")).contains("find-2").doesNotContain("find-1");
        assertThat(ids("/api/public/listings?productType=FINANCIAL_SERVICE&year=2025")).containsExactly("find-1");
        assertThat(ids("/api/public/listings?technology=人工智能&q=终端")).containsExactly("find-2");
        HttpApi.Response page = api.get("/api/public/listings?size=1&page=0", null);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("total").asInt()).isGreaterThanOrEqualTo(2);
        // stable order: the same query gives the same page
        assertThat(api.get("/api/public/listings?size=1&page=1", null).json().get("items").get(0).get("id").asString())
                .isEqualTo(api.get("/api/public/listings?size=1&page=1", null).json().get("items").get(0).get("id").asString());

        JsonNode stats = api.get("/api/public/statistics", null).json();
        assertThat(stats).anySatisfy(row -> {
            assertThat(row.get("scenario").asString()).isEqualTo("ANTI_FRAUD_AML");
            assertThat(row.get("year").asInt()).isEqualTo(2025);
            assertThat(row.get("count").asInt()).isEqualTo(1);
        });
    }

    @Test
    void hostile_query_parameters_get_a_400_and_never_a_5xx() {
        List<String> hostile = List.of("status=LISTED'--", "scenario=%00", "productType=<script>", "year=99999999999",
                "year=abc", "page=-1", "page=999999999", "size=0", "size=100000", "q=" + "长".repeat(51),
                "q=%27%22%3C%3E%7B%7D", "enterprise=%E0%A4%A", "technology=$where", "sort=;drop", "page=1e9");
        for (String query : hostile) {
            int eq = query.indexOf('=');
            String encoded = query.substring(0, eq + 1)
                    + java.net.URLEncoder.encode(query.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            HttpApi.Response r = api.get("/api/public/listings?" + encoded, null);
            assertThat(r.status()).as(query).isLessThan(500);
        }
        HttpApi.Response bad = api.get("/api/public/listings?status=NOPE&size=1000", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString()).containsExactlyInAnyOrder("status", "size");
        assertThat(api.get("/api/public/listings/%2e%2e%2f", null).status()).isLessThan(500);
        assertThat(api.get("/api/public/editions/abc", null).status()).isEqualTo(400);
        assertThat(api.get("/api/public/editions/999999", null).status()).isEqualTo(404);
    }

    private List<String> ids(String path) {
        HttpApi.Response r = api.get(path, null);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json().get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }
}
