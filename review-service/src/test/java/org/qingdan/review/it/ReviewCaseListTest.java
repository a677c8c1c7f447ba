package org.qingdan.review.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.qingdan.review.reviewcase.persistence.ReviewCaseStore;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.testsupport.HttpApi;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** GET /api/reviews/cases over HTTP: one page at a time, {items, page, size, total}; bad parameters are a 400 naming each. */
class ReviewCaseListTest extends ReviewIntegrationTest {

    @Autowired
    ReviewCaseStore store;

    static List<String> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asString()).toList();
    }

    @Test
    void bad_page_size_or_status_is_a_400_problem_naming_each_parameter_and_its_rule() {
        for (String token : List.of(office(), reviewer("list-bad-params", "911301006789123452"))) {
            HttpApi.Response bad = api.get("/api/reviews/cases?page=-1&size=101&status=FINISHED", token);
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(bad.json().get("type").asString()).endsWith("/validation");
            assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("rule").asString()))
                    .containsExactlyInAnyOrder("page:range", "size:range", "status:closed-list");
        }
        HttpApi.Response notNumbers = api.get("/api/reviews/cases?page=first&size=0", office());
        assertThat(notNumbers.status()).isEqualTo(400);
        assertThat(notNumbers.json().get("errors").valueStream().map(e -> e.get("field").asString() + ":" + e.get("rule").asString()))
                .containsExactlyInAnyOrder("page:integer", "size:range");
        assertThat(api.get("/api/reviews/cases?page=10001", office()).status()).isEqualTo(400);
        assertThat(api.get("/api/reviews/cases?size=100&page=10000", office()).status()).isEqualTo(200);
    }

    @Test
    void an_expert_pages_through_its_own_active_assignments_and_the_office_through_every_case() {
        // opened after every other case of the shared database, so these are the newest
        Instant t = afterEveryCase();
        store.insert(ReviewFixtures.assigned(ReviewFixtures.opened("list-1", t.plusSeconds(1)), ReviewFixtures.R1));
        store.insert(ReviewFixtures.assigned(ReviewFixtures.opened("list-2", t.plusSeconds(2)), ReviewFixtures.R1, ReviewFixtures.R2));
        store.insert(ReviewFixtures.recused(ReviewFixtures.assigned(ReviewFixtures.opened("list-3", t.plusSeconds(3)), ReviewFixtures.R1), "r1"));
        store.insert(ReviewFixtures.assigned(ReviewFixtures.opened("list-4", t.plusSeconds(4)), ReviewFixtures.R1).withdraw("申报单位撤回").reviewCase());
        String r1 = reviewer("r1", ReviewFixtures.R1.orgUscc());

        JsonNode first = api.get("/api/reviews/cases?size=2", r1).json();
        assertThat(ids(first)).containsExactly("list-4", "list-2");
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("total").asLong()).isEqualTo(3); // list-3: r1 declared a conflict
        assertThat(first.get("items").get(0).get("productName").asString()).isEqualTo("智能风控平台");
        JsonNode second = api.get("/api/reviews/cases?page=1&size=2", r1).json();
        assertThat(ids(second)).containsExactly("list-1");
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(ids(api.get("/api/reviews/cases?status=ASSIGNED", r1).json())).containsExactly("list-2", "list-1");
        assertThat(ids(api.get("/api/reviews/cases", reviewer("r2", ReviewFixtures.R2.orgUscc())).json())).containsExactly("list-2");

        long before = mongo.getCollection("reviewCases").countDocuments();
        JsonNode all = api.get("/api/reviews/cases", office()).json();
        assertThat(all.get("page").asInt()).isZero();
        assertThat(all.get("size").asInt()).isEqualTo(20);
        assertThat(all.get("total").asLong()).isEqualTo(before).isEqualTo(mongo.getCollection("reviewCases").countDocuments());
        assertThat(ids(all)).startsWith("list-4", "list-3", "list-2", "list-1").hasSize((int) Math.min(20, before));
        assertThat(ids(api.get("/api/reviews/cases?page=1&size=2", office()).json())).containsExactly("list-2", "list-1");
        JsonNode closed = api.get("/api/reviews/cases?status=CLOSED&size=1", office()).json();
        assertThat(ids(closed)).containsExactly("list-4");
        assertThat(closed.get("total").asLong())
                .isEqualTo(mongo.getCollection("reviewCases").countDocuments(new Document("state.status", "CLOSED")));
    }
}
