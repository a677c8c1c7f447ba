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
        CompletableFuture<HttpApi.Response> a = CompletableFuture.supplyAsync(() ->
                api.post("/api/reviews/cases/flow-app-1/decision", committee(), Map.of("decision", "APPROVED", "reasons", List.of("一致推荐"))));
        CompletableFuture<HttpApi.Response> b = CompletableFuture.supplyAsync(() ->
                api.post("/api/reviews/cases/flow-app-1/decision", office(), Map.of("decision", "REJECTED", "reasons", List.of("再议"))));
        List<Integer> statuses = new ArrayList<>(List.of(a.get().status(), b.get().status()));
        statuses.sort(null);
        assertThat(statuses).containsExactly(200, 409);
        // the business metric: time from the case's opening to the decision, one decision recorded
        assertThat(new HttpApi(managementPort).get("/actuator/prometheus", null).body().lines()
                .filter(l -> l.startsWith("qingdan_review_time_to_decision_seconds_count{")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum())
                .isEqualTo(1.0);

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

    private static List<String> reviewEvents(String key, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "review-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        List<String> types = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REVIEW_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (types.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        types.add(new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        return types;
    }
}
