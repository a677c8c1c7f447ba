package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.CloudEventHeaders;
import org.qingdan.contracts.Topics;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.support.outbox.CloudEventRecords;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import tools.jackson.databind.JsonNode;

/**
 * listing.re-review-requested.v1 on the real broker opens one review case of the listed product (however often it is
 * delivered); experts without conflicts review it as usual; the committee's conclusion goes out as
 * review.re-review-completed.v1 for listing-service.
 */
class ReReviewFlowTest extends ReviewIntegrationTest {

    static final Map<String, String> EXPERTS = Map.of("rr-expert-a", "911301006789123452", "rr-expert-b", "91130100401234561E",
            "rr-expert-c", "12130000400007199N", "rr-expert-vendor", ContractSamples.VENDOR_USCC);

    @Test
    void a_re_review_request_opens_one_case_reviewed_as_usual_and_the_conclusion_is_published() throws Exception {
        EXPERTS.forEach((id, org) -> assertThat(api.put("/api/reviews/reviewers/" + id, office(), Map.of("name", "专家" + id,
                "email", id + "@expert.cn", "orgUscc", org, "orgName", "机构", "scenarios", List.of("RISK_MANAGEMENT"),
                "technologies", List.of("大数据"), "loadLimit", 10, "active", true)).status()).isEqualTo(200));
        ReReviewRequested requested = ContractSamples.reReviewRequested("rr-listing-1", "rr-report-1");
        kafka.send(CloudEventRecords.of(requested, "/listing-service")).get();
        kafka.send(CloudEventRecords.of(requested, "/listing-service")).get(); // redelivered
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("rr-report-1") != null);
        assertThat(mongo.getCollection("reviewCases").countDocuments(new org.bson.Document("state.reReview.reReviewId", "rr-report-1")))
                .isEqualTo(1);

        JsonNode view = api.get("/api/reviews/cases/rr-report-1", office()).json();
        assertThat(view.get("summary").get("reReview").asBoolean()).isTrue();
        assertThat(view.get("summary").get("productName").asString()).isEqualTo("智能风控平台");
        assertThat(view.get("form").isNull()).isTrue();
        assertThat(view.get("reReview").get("report").get("description").asString()).contains("宕机");
        assertThat(view.get("reReview").get("responses").get(0).get("text").asString()).contains("已修复");
        // the subject as the API showed it before the case kept its own copy: the event's records, field for field
        assertThat(view.get("reReview").propertyNames()).containsExactly("listingId", "reReviewId", "product", "report", "responses",
                "reason", "requestedAt");
        assertThat(view.get("reReview").get("product")).isEqualTo(asRead(requested.product()));
        assertThat(view.get("reReview").get("report")).isEqualTo(asRead(requested.report()));
        assertThat(view.get("reReview").get("responses")).isEqualTo(asRead(requested.responses()));

        assertThat(api.post("/api/reviews/cases/rr-report-1/assignments/auto", office(), "").status()).isEqualTo(200);
        List<String> reviewers = api.get("/api/reviews/cases/rr-report-1", office()).json().get("assignments").valueStream()
                .map(a -> a.get("reviewerId").asString()).toList();
        assertThat(reviewers).hasSize(3).doesNotContain("rr-expert-vendor"); // the enterprise's expert is conflicted
        for (String r : reviewers) {
            String token = reviewer(r, EXPERTS.get(r));
            assertThat(api.put("/api/reviews/cases/rr-report-1/review", token, ReviewFlowTest.review("GOOD", false)).status()).isEqualTo(200);
            assertThat(api.post("/api/reviews/cases/rr-report-1/review/submit", token, "").status()).isEqualTo(200);
        }

        // an application's decision does not fit a re-review, and a delisting needs its Art. 12 reason
        HttpApi.Response wrong = api.post("/api/reviews/cases/rr-report-1/decision", committee(), Map.of("decision", "APPROVED",
                "reasons", List.of("x")));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get(0).get("rule").asString()).isEqualTo("re-review");
        HttpApi.Response noReason = api.post("/api/reviews/cases/rr-report-1/re-review-decision", committee(), Map.of("outcome", "DELIST",
                "reasons", List.of("存在重大缺陷")));
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("delistingReason");
        assertThat(api.post("/api/reviews/cases/rr-report-1/re-review-decision", committee(), Map.of("outcome", "MAYBE")).json()
                .get("errors").get(0).get("field").asString()).isEqualTo("outcome");
        assertThat(api.post("/api/reviews/cases/rr-report-1/re-review-decision", reviewer(reviewers.get(0), EXPERTS.get(reviewers.get(0))),
                Map.of("outcome", "KEEP_LISTED", "reasons", List.of("x"))).status()).isEqualTo(403);

        HttpApi.Response decided = api.post("/api/reviews/cases/rr-report-1/re-review-decision", committee(), Map.of("outcome", "DELIST",
                "delistingReason", "MAJOR_DEFECT", "reasons", List.of("存在重大缺陷，可能造成严重安全风险")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(api.post("/api/reviews/cases/rr-report-1/re-review-decision", committee(), Map.of("outcome", "KEEP_LISTED",
                "reasons", List.of("x"))).status()).isEqualTo(409);

        JsonNode completed = lastEvent("rr-report-1", "review.re-review-completed.v1");
        assertThat(completed).isNotNull();
        assertThat(completed.get("listingId").asString()).isEqualTo("rr-listing-1");
        assertThat(completed.get("reReviewId").asString()).isEqualTo("rr-report-1");
        assertThat(completed.get("outcome").asString()).isEqualTo("DELIST");
        assertThat(completed.get("delistingReason").asString()).isEqualTo("MAJOR_DEFECT");
        // the experts' assignments went out as for any case, naming the listing's application id
        assertThat(lastEvent("rr-report-1", "review.reviewer-assigned.v1").get("applicationId").asString()).isEqualTo("rr-listing-1");
        // and no application decision: review.completed.v1 is for applications only
        assertThat(lastEvent("rr-report-1", "review.completed.v1")).isNull();
    }

    /** A value as the API's JSON reads back (numbers as parsed, not as typed). */
    private static JsonNode asRead(Object value) {
        return HttpApi.JSON.readTree(HttpApi.JSON.writeValueAsString(value));
    }

    private static JsonNode lastEvent(String key, String type) {
        Properties p = new Properties();
        p.put("bootstrap.servers", RealInfrastructure.kafka().bootstrapServers());
        p.put("group.id", "rr-reader-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        JsonNode found = null;
        try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REVIEW_EVENTS));
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                for (var r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key()) && type.equals(new String(r.headers().lastHeader(CloudEventHeaders.TYPE).value(), StandardCharsets.UTF_8))) {
                        found = HttpApi.JSON.readTree(r.value());
                    }
                }
                if (found != null && type.equals("review.re-review-completed.v1")) {
                    break;
                }
            }
        }
        return found;
    }
}
