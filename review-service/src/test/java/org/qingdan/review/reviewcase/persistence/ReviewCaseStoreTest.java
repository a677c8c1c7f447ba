package org.qingdan.review.reviewcase.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qingdan.review.testing.ReviewFixtures.NOW;
import static org.qingdan.review.testing.ReviewFixtures.R1;
import static org.qingdan.review.testing.ReviewFixtures.R2;
import static org.qingdan.review.testing.ReviewFixtures.R3;
import static org.qingdan.review.testing.ReviewFixtures.R4;
import static org.qingdan.review.testing.ReviewFixtures.assigned;
import static org.qingdan.review.testing.ReviewFixtures.drafted;
import static org.qingdan.review.testing.ReviewFixtures.opened;
import static org.qingdan.review.testing.ReviewFixtures.recused;
import static org.qingdan.review.testing.ReviewFixtures.submitted;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.testing.ReviewFixtures;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The open loads, counted in the database: on the real wire server, each test in a database of its own. */
class ReviewCaseStoreTest {

    MongoTemplate mongo;
    ReviewCaseStore store;

    @BeforeEach
    void freshDatabase() {
        mongo = ReviewFixtures.freshDatabase();
        store = new ReviewCaseStore(mongo, ReviewFixtures.aggregates(mongo));
    }

    @Test
    void open_loads_are_counted_in_the_database_as_they_were_counted_from_every_case() {
        List<ReviewCase> cases = List.of(
                opened("nobody-yet", NOW),
                submitted(assigned(opened("r1-submitted", NOW), R1, R2, R3), "r1"),
                recused(assigned(opened("r2-recused", NOW), R1, R2, R3), "r2"),
                assigned(opened("closed", NOW), R1, R2, R3).close("申报单位撤回"),
                submitted(submitted(submitted(assigned(opened("ready", NOW), R1, R2, R3), "r1"), "r2"), "r3"),
                submitted(submitted(submitted(assigned(opened("decided", NOW), R2, R3, R4), "r2"), "r3"), "r4")
                        .decide(true, List.of("一致推荐"), "committee", NOW).reviewCase(),
                drafted(assigned(opened("r4-drafting", NOW), R4), "r4"),
                recused(assigned(opened("open-again", NOW), R1), "r1"));
        assertThat(cases).extracting(ReviewCase::status).containsExactly(CaseStatus.OPEN, CaseStatus.ASSIGNED, CaseStatus.ASSIGNED,
                CaseStatus.CLOSED, CaseStatus.READY_FOR_DECISION, CaseStatus.DECIDED, CaseStatus.ASSIGNED, CaseStatus.OPEN);
        cases.forEach(store::insert);

        Map<String, Integer> loads = store.openLoads();
        // r1: r2-recused; r2: r1-submitted; r3: r1-submitted and r2-recused; r4: r4-drafting
        assertThat(loads).isEqualTo(Map.of("r1", 1, "r2", 1, "r3", 2, "r4", 1));
        assertThat(loads).isEqualTo(loadsFromEveryCase(cases));
        assertThat(store.openLoad("r3")).isEqualTo(2);
        assertThat(store.openLoad("r4")).isEqualTo(1);
        assertThat(store.openLoad("nobody")).isZero();
    }

    /** How the loads were computed before, from every case read whole: the semantics the query keeps. */
    static Map<String, Integer> loadsFromEveryCase(List<ReviewCase> cases) {
        Map<String, Integer> loads = new HashMap<>();
        for (ReviewCase c : cases) {
            if (c.status() == CaseStatus.ASSIGNED || c.status() == CaseStatus.OPEN) {
                c.activeAssignments().stream()
                        .filter(a -> c.reviewOf(a.reviewerId()).filter(Review::submitted).isEmpty())
                        .forEach(a -> loads.merge(a.reviewerId(), 1, Integer::sum));
            }
        }
        return loads;
    }
}
