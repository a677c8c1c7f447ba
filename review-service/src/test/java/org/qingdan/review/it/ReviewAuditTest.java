package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.testsupport.HttpApi;
import tools.jackson.databind.JsonNode;

/** Item 5 for review: every command on a case and on the pool is in the office's audit trail with who, when, what and the request. */
class ReviewAuditTest extends ReviewIntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.qingdan.review.discussion.DiscussionService discussion;

    static final Map<String, String> EXPERTS = Map.of(
            "audit-a", "911301006789123452", "audit-b", "91130100401234561E", "audit-c", "12130000400007199N");

    @Test
    void the_case_and_the_pool_keep_every_command_with_its_user_and_request() throws Exception {
        EXPERTS.forEach((id, org) -> assertThat(api.put("/api/reviews/reviewers/" + id, office(), Map.of("name", "专家" + id,
                "email", id + "@expert.cn", "orgUscc", org, "orgName", "机构", "scenarios", List.of("RISK_MANAGEMENT"),
                "technologies", List.of("大数据"), "loadLimit", 50, "active", true)).status()).isEqualTo(200));
        JsonNode expert = api.get("/api/reviews/reviewers/audit-a/audit", office()).json();
        assertThat(expert.get("items")).singleElement().satisfies(r -> {
            assertThat(r.get("action").asString()).isEqualTo("SAVED");
            assertThat(r.get("actorId").asString()).isEqualTo("sub-office");
            assertThat(r.get("detail").asString()).contains("911301006789123452");
        });

        send(ContractSamples.accepted("audit-app-1"));
        await().atMost(Duration.ofSeconds(20)).until(() -> reviewCase("audit-app-1") != null);
        assertThat(api.post("/api/reviews/cases/audit-app-1/assignments/auto", office(), "").status()).isEqualTo(200);
        List<String> assigned = api.get("/api/reviews/cases/audit-app-1", office()).json().get("assignments").valueStream()
                .map(a -> a.get("reviewerId").asString()).toList();
        String lastTrace = null;
        for (String r : assigned) {
            String token = reviewer(r, ReviewFlowTest.EXPERTS.getOrDefault(r, EXPERTS.get(r)));
            assertThat(api.put("/api/reviews/cases/audit-app-1/review", token, ReviewFlowTest.review("GOOD", true)).status()).isEqualTo(200);
            HttpApi.Response submitted = api.post("/api/reviews/cases/audit-app-1/review/submit", token, "");
            assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
            lastTrace = submitted.headers().firstValue("X-Trace-Id").orElseThrow();
        }
        HttpApi.Response decided = api.post("/api/reviews/cases/audit-app-1/decision", committee(),
                Map.of("decision", "APPROVED", "reasons", List.of("专家一致推荐")));
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        // a post in the case's discussion (written through the reviewer UI) is in the trail too
        discussion.post(new org.qingdan.support.security.CurrentUser("sub-committee", "committee", "专委会 委员", null, null, null,
                java.util.Set.of("committee")), "audit-app-1", "同意办公室的意见");

        JsonNode trail = api.get("/api/reviews/cases/audit-app-1/audit?size=100", office()).json();
        List<String> actions = trail.get("items").valueStream().map(r -> r.get("action").asString()).toList();
        assertThat(actions).containsExactly("OPENED", "AUTO_ASSIGNED", "REVIEW_SAVED", "REVIEW_SUBMITTED", "REVIEW_SAVED",
                "REVIEW_SUBMITTED", "REVIEW_SAVED", "REVIEW_SUBMITTED", "APPROVED", "DISCUSSION_POSTED");
        JsonNode items = trail.get("items");
        assertThat(items.get(0).get("actorId").asString()).isEqualTo("application-service");
        assertThat(items.get(1).get("actorId").asString()).isEqualTo("sub-office");
        assertThat(items.get(2).get("actorId").asString()).isEqualTo("sub-" + assigned.get(0));
        assertThat(items.get(2).get("roles").get(0).asString()).isEqualTo("reviewer");
        assertThat(items.get(7).get("traceId").asString()).isEqualTo(lastTrace);
        assertThat(items.get(8).get("actorId").asString()).isEqualTo("sub-committee");
        assertThat(items.get(8).get("detail").asString()).contains("专家一致推荐");
        assertThat(items.get(9).get("actorId").asString()).isEqualTo("sub-committee");
        assertThat(trail.get("total").asLong()).isEqualTo(10);

        // the office reads trails; the committee and experts do not; bad paging is a problem naming the parameter
        assertThat(api.get("/api/reviews/cases/audit-app-1/audit", committee()).status()).isEqualTo(403);
        assertThat(api.get("/api/reviews/cases/audit-app-1/audit", reviewer(assigned.get(0), "911301006789123452")).status()).isEqualTo(403);
        assertThat(api.get("/api/reviews/cases/no-such-case/audit", office()).status()).isEqualTo(404);
        assertThat(api.get("/api/reviews/reviewers/nobody/audit", office()).status()).isEqualTo(404);
        HttpApi.Response badSize = api.get("/api/reviews/cases/audit-app-1/audit?size=0", office());
        assertThat(badSize.status()).isEqualTo(400);
        assertThat(badSize.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }
}
