package org.qingdan.review.reviewcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingdan.review.testing.ReviewFixtures.NOW;
import static org.qingdan.review.testing.ReviewFixtures.opened;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.review.reviewcase.domain.Assignment;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.ReviewRefused;
import org.qingdan.review.reviewcase.persistence.ReviewCaseStore;
import org.qingdan.review.reviewer.persistence.ReviewerStore;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.support.security.CurrentUser;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Automatic and manual assignment with the loads counted in the database: the pool is balanced across
 * cases, and a limit holds. On the real wire server, in a database of its own (an exact pool).
 */
class AssignmentLoadTest {

    static final CurrentUser OFFICE = new CurrentUser("sub-office", "office", "办公室", null, null, null, Set.of("office"));

    ReviewCaseStore cases;
    ReviewService reviews;

    @BeforeEach
    void freshDatabase() {
        MongoTemplate mongo = ReviewFixtures.freshDatabase();
        cases = new ReviewCaseStore(mongo, ReviewFixtures.aggregates(mongo));
        ReviewerStore pool = new ReviewerStore(mongo);
        // four experts equally suited to the sample product; r1 may hold three reviews at once
        pool.save(ReviewFixtures.reviewer("r1", ReviewFixtures.R1.orgUscc(), 3));
        pool.save(ReviewFixtures.R2);
        pool.save(ReviewFixtures.R3);
        pool.save(ReviewFixtures.R4);
        reviews = new ReviewService(cases, pool, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(14), new SimpleMeterRegistry(),
                new org.qingdan.support.audit.AuditRecorder(mongo, Clock.fixed(NOW, ZoneOffset.UTC), null), 3);
    }

    static List<String> assignedTo(ReviewCase c) {
        return c.activeAssignments().stream().map(Assignment::reviewerId).toList();
    }

    @Test
    void automatic_assignment_spreads_the_cases_over_the_pool_by_open_load() {
        for (int i = 1; i <= 5; i++) {
            cases.insert(opened("case-" + i, NOW.plusSeconds(i)));
        }
        // three of four experts per case, the least loaded first, then by id
        assertThat(assignedTo(reviews.autoAssign(OFFICE, "case-1"))).containsExactly("r1", "r2", "r3");
        assertThat(assignedTo(reviews.autoAssign(OFFICE, "case-2"))).containsExactly("r4", "r1", "r2");
        assertThat(assignedTo(reviews.autoAssign(OFFICE, "case-3"))).containsExactly("r3", "r4", "r1");
        assertThat(cases.openLoads()).isEqualTo(Map.of("r1", 3, "r2", 2, "r3", 2, "r4", 2));
        // r1 is at its limit of three: the next case goes to the other three
        assertThat(assignedTo(reviews.autoAssign(OFFICE, "case-4"))).containsExactly("r2", "r3", "r4");
        assertThat(cases.openLoads()).isEqualTo(Map.of("r1", 3, "r2", 3, "r3", 3, "r4", 3));

        // by hand, the same limit: r1 is refused until it submits a review, then takes the case
        assertThatThrownBy(() -> reviews.assign(OFFICE, "case-5", "r1"))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.getMessage()).contains("已达同时评审上限 3"));
        CurrentUser r1 = new CurrentUser("sub-r1", "r1", "专家r1", null, ReviewFixtures.R1.orgUscc(), null, Set.of("reviewer"));
        reviews.saveDraft(r1, "case-1", ReviewFixtures.complete());
        reviews.submit(r1, "case-1");
        assertThat(cases.openLoad("r1")).isEqualTo(2);
        assertThat(assignedTo(reviews.assign(OFFICE, "case-5", "r1"))).containsExactly("r1");
    }
}
