package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

class ReviewFlowTest extends ReviewIntegrationTest {

    static final Map<String, String> EXPERTS = Map.of(
            "expert-a", "911301006789123452", "expert-b", "91130100401234561E", "expert-c", "12130000400007199N",
            "expert-d", "91130100M00123457K", "expert-vendor", ContractSamples.VENDOR_USCC);

    void pool() {
        EXPERTS.forEach((id, org) -> {
            HttpApi.Response saved = api.put("/api/reviews/reviewers/" + id, office(), Map.of("name", "专家" + id, "email", id + "@expert.cn",
                    "orgUscc", org, "orgName", "机构", "scenarios", List.of("RISK_MANAGEMENT"), "technologies", List.of("大数据"),
                    "loadLimit", 10, "active", true));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        });
    }

    static Map<String, Object> review(String rating, boolean recommend) {
        Map<String, Object> ratings = Map.of("LEGAL_COMPLIANCE", rating, "FINANCIAL_INNOVATION", rating, "RISK_CONTROL", rating,
                "AFTER_SALES_SERVICE", rating);
        Map<String, Object> exclusions = Map.of("FRAUD", false, "MAJOR_INCIDENT_OR_VIOLATION", false, "UNRESOLVED_COMPLAINTS", false,
                "LEGAL_OR_REGULATORY_RISK", false, "OTHER", false);
        return Map.of("ratings", ratings, "eligibilityConfirmed", true, "exclusionsFound", exclusions, "recommend", recommend,
                "commentsForCommittee", "方案成熟，风险可控", "commentsForApplicant", "建议补充运维数据");
    }

    @Test
    void assignment_reviews_quorum_and_one_decision_publish_their_events() throws Exception {
        pool();
        send(ContractSamples.accepted("flow-app-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("flow-app-1") != null);

        HttpApi.Response assigned = api.post("/api/reviews/cases/flow-app-1/assignments/auto", office(), "");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        JsonNode view = api.get("/api/reviews/cases/flow-app-1", office()).json();
        List<String> reviewers = view.get("assignments").valueStream().map(a -> a.get("reviewerId").asString()).toList();
        assertThat(reviewers).hasSize(3).doesNotContain("expert-vendor"); // the vendor's expert is conflicted

        // an assigned reviewer sees the case; another reviewer does not
        assertThat(api.get("/api/reviews/cases/flow-app-1", reviewer("expert-vendor", ContractSamples.VENDOR_USCC)).status()).isEqualTo(404);
        for (String r : reviewers) {
            String token = reviewer(r, EXPERTS.get(r));
            assertThat(api.put("/api/reviews/cases/flow-app-1/review", token, review(r.equals("expert-c") ? "OUTSTANDING" : "QUALIFIED", true)).status())
                    .isEqualTo(200);
        }
        String first = reviewer(reviewers.get(0), EXPERTS.get(reviewers.get(0)));
        assertThat(api.post("/api/reviews/cases/flow-app-1/review/submit", first, "").status()).isEqualTo(200);
        // independent: before submitting, the second sees only its own draft
        String second = reviewer(reviewers.get(1), EXPERTS.get(reviewers.get(1)));
        assertThat(api.get("/api/reviews/cases/flow-app-1", second).json().get("reviews")).hasSize(1)
                .allMatch(r -> r.get("reviewerId").asString().equals(reviewers.get(1)));
        for (String r : reviewers.subList(1, 3)) {
            assertThat(api.post("/api/reviews/cases/flow-app-1/review/submit", reviewer(r, EXPERTS.get(r)), "").status()).isEqualTo(200);
        }
        JsonNode ready = api.get("/api/reviews/cases/flow-app-1", committee()).json();
        assertThat(ready.get("summary").get("status").asString()).isEqualTo("READY_FOR_DECISION");
        assertThat(ready.get("scores").get("dimensions").get(0).get("median").asString()).isEqualTo("QUALIFIED");
        assertThat(ready.get("scores").get("dimensions").get(0).get("reviewersDisagree").asBoolean()).isTrue();
        assertThat(ready.get("scores").get("dimensions").get(0).get("selfAssessed").asString()).isEqualTo("GOOD");

        // a malformed If-Match is a 412, a stale one too; '*' means no precondition
        assertThat(api.post("/api/reviews/cases/flow-app-1/decision", committee(), Map.of("decision", "APPROVED",
                "reasons", List.of("x")), "If-Match", "\"not-a-version\"").status()).isEqualTo(412);
        assertThat(api.post("/api/reviews/cases/flow-app-1/decision", committee(), Map.of("decision", "APPROVED",
                "reasons", List.of("x")), "If-Match", "\"0\"").status()).isEqualTo(412);

        // two decisions at once: exactly one wins, the other gets 409
        double decisionsBefore = decisionsTimed();
        CompletableFuture<HttpApi.Response> a = CompletableFuture.supplyAsync(() ->
                api.post("/api/reviews/cases/flow-app-1/decision", committee(), Map.of("decision", "APPROVED", "reasons", List.of("一致推荐"))));
        CompletableFuture<HttpApi.Response> b = CompletableFuture.supplyAsync(() ->
                api.post("/api/reviews/cases/flow-app-1/decision", office(), Map.of("decision", "REJECTED", "reasons", List.of("再议"))));
        List<Integer> statuses = new ArrayList<>(List.of(a.get().status(), b.get().status()));
        statuses.sort(null);
        assertThat(statuses).containsExactly(200, 409);
        // the business metric: time from the case's opening to the decision, one decision recorded
        assertThat(decisionsTimed() - decisionsBefore).isEqualTo(1.0); // other tests of this context decide too

        List<String> types = reviewEvents("flow-app-1", 8);
        assertThat(types).containsExactly("review.reviewer-assigned.v1", "review.reviewer-assigned.v1", "review.reviewer-assigned.v1",
                "review.review-submitted.v1", "review.review-submitted.v1", "review.review-submitted.v1",
                "review.ready-for-decision.v1", "review.completed.v1");
    }

    @Test
    void a_reviewer_declares_a_conflict_and_the_office_reassigns() throws Exception {
        pool();
        send(ContractSamples.accepted("conflict-app-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("conflict-app-1") != null);
        api.post("/api/reviews/cases/conflict-app-1/assignments", office(), Map.of("reviewerId", "expert-a"));
        HttpApi.Response refused = api.post("/api/reviews/cases/conflict-app-1/assignments", office(), Map.of("reviewerId", "expert-vendor"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/conflict-of-interest");

        String expertA = reviewer("expert-a", EXPERTS.get("expert-a"));
        assertThat(api.post("/api/reviews/cases/conflict-app-1/conflict", expertA, Map.of("reason", "曾为该产品提供咨询")).status()).isEqualTo(200);
        assertThat(api.get("/api/reviews/cases/conflict-app-1", expertA).status()).isEqualTo(404);
        // application-service and notification-service hear that expert-a's assignment ended
        assertThat(reviewEvents("conflict-app-1", 2)).containsExactly("review.reviewer-assigned.v1", "review.reviewer-recused.v1");
        HttpApi.Response refilled = api.post("/api/reviews/cases/conflict-app-1/assignments/auto", office(), "");
        assertThat(refilled.json().get("assigned").asInt()).isEqualTo(3);
        assertThat(api.get("/api/reviews/cases/conflict-app-1", office()).json().get("assignments").valueStream()
                .filter(x -> x.get("status").asString().equals("ACTIVE")).map(x -> x.get("reviewerId").asString()))
                .doesNotContain("expert-a", "expert-vendor");
    }

    static Map<String, Object> reviewFinding(String ground, boolean eligible) {
        Map<String, Object> r = new java.util.HashMap<>(review("GOOD", false));
        Map<String, Object> exclusions = new java.util.HashMap<>(castMap(r.get("exclusionsFound")));
        if (ground != null) {
            exclusions.put(ground, true);
        }
        r.put("exclusionsFound", exclusions);
        r.put("eligibilityConfirmed", eligible);
        r.put("commentsForCommittee", "使用单位投诉至今未化解");
        return r;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void art5_findings_bar_the_approval_the_office_reopens_a_review_and_the_second_look_clears_the_way() throws Exception {
        pool();
        send(ContractSamples.accepted("art5-app-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("art5-app-1") != null);
        for (String r : List.of("expert-a", "expert-b", "expert-c")) {
            assertThat(api.post("/api/reviews/cases/art5-app-1/assignments", office(), Map.of("reviewerId", r)).status()).isEqualTo(200);
        }
        // expert-a and expert-b: nothing found; expert-c: an Art. 5 situation and the Art. 4 basis not confirmed
        for (String r : List.of("expert-a", "expert-b", "expert-c")) {
            String token = reviewer(r, EXPERTS.get(r));
            Map<String, Object> body = r.equals("expert-c") ? reviewFinding("UNRESOLVED_COMPLAINTS", false) : review("GOOD", true);
            assertThat(api.put("/api/reviews/cases/art5-app-1/review", token, body).status()).isEqualTo(200);
            assertThat(api.post("/api/reviews/cases/art5-app-1/review/submit", token, "").status()).isEqualTo(200);
        }

        // the committee's view shows every finding and the self-assessment gap per dimension
        JsonNode view = api.get("/api/reviews/cases/art5-app-1", committee()).json();
        assertThat(view.get("findings").valueStream().map(f -> f.get("reviewerId").asString() + " " + f.get("rule").asString() + " "
                + f.get("label").asString())).containsExactly(
                "expert-c art5-exclusion 第五条情形：产品投产运行期间受到使用单位投诉未能及时有效化解",
                "expert-c art4-eligibility-not-confirmed 未确认第四条认定条件");
        // self: after-sales QUALIFIED, reviewers GOOD (one level); innovation EXCELLENT vs GOOD (one level): no flag
        JsonNode afterSales = view.get("scores").get("dimensions").get(3);
        assertThat(afterSales.get("selfGap").asInt()).isEqualTo(1);
        assertThat(afterSales.get("selfGapFlagged").asBoolean()).isFalse();
        // an expert sees no findings of others
        assertThat(api.get("/api/reviews/cases/art5-app-1", reviewer("expert-a", EXPERTS.get("expert-a"))).json().get("findings").isNull()).isTrue();

        // approval refused: 409 naming the grounds and the review that found them
        HttpApi.Response barred = api.post("/api/reviews/cases/art5-app-1/decision", committee(),
                Map.of("decision", "APPROVED", "reasons", List.of("多数专家推荐")));
        assertThat(barred.status()).as(barred.body()).isEqualTo(409);
        assertThat(barred.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(barred.json().get("type").asString()).endsWith("/approval-barred");
        assertThat(barred.json().get("errors").valueStream().map(e -> e.get("field").asString() + " " + e.get("rule").asString()))
                .containsExactly("reviews[expert-c].exclusionsFound.UNRESOLVED_COMPLAINTS art5-exclusion",
                        "reviews[expert-c].eligibilityConfirmed art4-eligibility-not-confirmed");
        assertThat(barred.json().get("errors").get(0).get("message").asString()).contains("专家expert-c", "投诉");
        assertThat(barred.json().get("findings")).hasSize(2);
        assertThat(api.get("/api/reviews/cases/art5-app-1", committee()).json().get("summary").get("status").asString())
                .isEqualTo("READY_FOR_DECISION");

        // only the office reopens; it reopens expert-c's review, whose earlier answer stays in the history
        String expertC = reviewer("expert-c", EXPERTS.get("expert-c"));
        assertThat(api.post("/api/reviews/cases/art5-app-1/reviews/expert-c/reopen", committee(), Map.of("reason", "复核")).status())
                .isEqualTo(403);
        HttpApi.Response noReason = api.post("/api/reviews/cases/art5-app-1/reviews/expert-c/reopen", office(), Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
        HttpApi.Response reopened = api.post("/api/reviews/cases/art5-app-1/reviews/expert-c/reopen", office(),
                Map.of("reason", "请核实投诉是否已化解"));
        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("ASSIGNED");
        JsonNode history = api.get("/api/reviews/cases/art5-app-1", office()).json();
        assertThat(history.get("findings")).isEmpty();
        assertThat(history.get("reopenings").get(0).get("reason").asString()).isEqualTo("请核实投诉是否已化解");
        assertThat(history.get("reopenings").get(0).get("earlier").get("exclusionsFound").get("UNRESOLVED_COMPLAINTS").asBoolean()).isTrue();
        assertThat(history.get("reopenings").get(0).get("earlier").get("submitted").asBoolean()).isTrue();

        // the expert looks again: the complaints were resolved; quorum again, and the approval goes through
        assertThat(api.put("/api/reviews/cases/art5-app-1/review", expertC, review("GOOD", true)).status()).isEqualTo(200);
        assertThat(api.post("/api/reviews/cases/art5-app-1/review/submit", expertC, "").status()).isEqualTo(200);
        HttpApi.Response approved = api.post("/api/reviews/cases/art5-app-1/decision", committee(),
                Map.of("decision", "APPROVED", "reasons", List.of("复核后无第五条情形")));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(api.post("/api/reviews/cases/art5-app-1/reviews/expert-c/reopen", office(), Map.of("reason", "再看")).status())
                .isEqualTo(409);
        assertThat(reviewEvents("art5-app-1", 10)).containsSubsequence("review.ready-for-decision.v1", "review.review-submitted.v1",
                "review.ready-for-decision.v1", "review.completed.v1");
    }

    private double decisionsTimed() {
        return new HttpApi(managementPort).get("/actuator/prometheus", null).body().lines()
                .filter(l -> l.startsWith("qingdan_review_time_to_decision_seconds_count{"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
