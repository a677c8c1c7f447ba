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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingdan.review.reviewcase.domain.CallRef;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.ExclusionGround;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.events.CallAdapter;
import org.qingdan.review.reviewcase.events.ReReviewAdapter;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.support.query.Page;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;

/** The case lists and the open loads, read in the database: on the real wire server, each test in a database of its own. */
class ReviewCaseStoreTest {

    MongoTemplate mongo;
    ReviewCaseStore store;

    @BeforeEach
    void freshDatabase() {
        mongo = ReviewFixtures.freshDatabase();
        store = new ReviewCaseStore(mongo, ReviewFixtures.aggregates(mongo));
    }

    static List<String> ids(Page<ReviewCase> page) {
        return page.items().stream().map(ReviewCase::id).toList();
    }

    @Test
    void a_case_stored_before_a_field_existed_reads_with_its_default() {
        store.insert(ReviewFixtures.opened("old-case", java.time.Instant.parse("2026-11-01T00:00:00Z")).withExpertNamesShown(true));
        // as stored before the office could show experts' names: no such field
        mongo.getCollection("reviewCases").updateOne(new org.bson.Document("_id", "old-case"),
                new org.bson.Document("$unset", new org.bson.Document("state.expertNamesShown", "")));
        assertThat(store.find("old-case").orElseThrow().state().expertNamesShown()).isFalse();
    }

    /**
     * Cases as the release before the service's own types (form, Art. 5 grounds, re-review subject, call) stored them,
     * inserted as raw documents: the field names did not change, so each reads whole, equal to the case as built.
     */
    @Test
    void cases_stored_before_the_services_own_types_read_whole() throws java.io.IOException {
        String json;
        try (var in = getClass().getResourceAsStream("stored-before-own-types.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        List<org.bson.Document> documents = new ArrayList<>();
        for (Object each : org.bson.Document.parse("{\"cases\": " + json + "}").getList("cases", Object.class)) {
            documents.add((org.bson.Document) each);
        }
        mongo.getCollection("reviewCases").insertMany(documents);

        // the file was written by a JVM at UTC: its LocalDates are UTC midnights, read back in the JVM's zone
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC"));
        try {
            assertThat(store.find("old-app").orElseThrow().state()).isEqualTo(StoredBefore.applicationCase());
            assertThat(CallAdapter.toContract(store.find("old-app").orElseThrow().state().call()))
                    .isEqualTo(org.qingdan.contracts.samples.ContractSamples.CALL);
            assertThat(store.find("old-rr").orElseThrow().state()).isEqualTo(StoredBefore.reReviewCase());
            assertThat(store.find("old-rr").orElseThrow().state().decision().exclusionGround()).isEqualTo(ExclusionGround.FRAUD);
            // the re-review's subject, as the event that opened the case had it
            var subject = store.find("old-rr").orElseThrow().state().reReview();
            var requested = org.qingdan.contracts.samples.ContractSamples.reReviewRequested("listing-old-rr", "old-rr");
            assertThat(ReReviewAdapter.toContract(subject.product())).isEqualTo(requested.product());
            assertThat(ReReviewAdapter.toContract(subject.report())).isEqualTo(requested.report());
            assertThat(subject.responses()).extracting(ReReviewAdapter::toContract).isEqualTo(requested.responses());
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
    }

    @Test
    void pages_are_newest_first_then_by_id_they_neither_repeat_nor_skip_and_carry_the_total() {
        // 25 cases, three at a time opened at the same instant, inserted in no particular order
        List<ReviewCase> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(opened(String.format("case-%02d", (i * 7) % 25), NOW.minus(Duration.ofHours(i / 3))));
        }
        List<ReviewCase> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(13));
        shuffled.forEach(store::insert);
        List<String> expected = all.stream()
                .sorted(Comparator.comparing(ReviewCase::openedAt).reversed().thenComparing(ReviewCase::id))
                .map(ReviewCase::id).toList();
        // the boundary between the first two pages falls inside a group opened at the same instant
        assertThat(openedAt(all, expected.get(9))).isEqualTo(openedAt(all, expected.get(10)));

        Page<ReviewCase> first = store.page(null, null, 0, 10);
        Page<ReviewCase> second = store.page(null, null, 1, 10);
        Page<ReviewCase> last = store.page(null, null, 2, 10);
        assertThat(ids(first)).isEqualTo(expected.subList(0, 10));
        assertThat(ids(second)).isEqualTo(expected.subList(10, 20));
        assertThat(ids(last)).isEqualTo(expected.subList(20, 25));
        assertThat(List.of(first.total(), second.total(), last.total())).containsOnly(25L);
        assertThat(List.of(first.page(), first.size(), second.page(), last.page())).containsExactly(0, 10, 1, 2);
        // the same page twice is the same page
        assertThat(ids(store.page(null, null, 1, 10))).isEqualTo(ids(second));
        // past the end: nothing, and still the total
        Page<ReviewCase> beyond = store.page(null, null, 3, 10);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(25);
    }

    private static java.time.Instant openedAt(List<ReviewCase> cases, String id) {
        return cases.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().openedAt();
    }

    @Test
    void a_status_and_an_experts_active_assignments_filter_in_the_database() {
        store.insert(opened("open", NOW.minusSeconds(60)));
        store.insert(assigned(opened("assigned", NOW.minusSeconds(50)), R1, R2, R3));
        store.insert(recused(assigned(opened("r2-recused", NOW.minusSeconds(40)), R1, R2, R3), "r2"));
        store.insert(assigned(opened("closed", NOW.minusSeconds(30)), R1, R2).withdraw("申报单位撤回").reviewCase());
        store.insert(assigned(opened("r4-only", NOW.minusSeconds(20)), R4));

        assertThat(ids(store.page(CaseStatus.ASSIGNED, null, 0, 10))).containsExactly("r4-only", "r2-recused", "assigned");
        assertThat(store.page(CaseStatus.ASSIGNED, null, 0, 10).total()).isEqualTo(3);
        assertThat(ids(store.page(CaseStatus.OPEN, null, 0, 10))).containsExactly("open");
        // an expert who declared a conflict no longer has the case in its list
        assertThat(ids(store.page(null, "r2", 0, 10))).containsExactly("closed", "assigned");
        assertThat(ids(store.page(null, "r1", 0, 2))).containsExactly("closed", "r2-recused");
        assertThat(store.page(null, "r1", 0, 2).total()).isEqualTo(3);
        assertThat(ids(store.page(null, "r1", 1, 2))).containsExactly("assigned");
        assertThat(ids(store.page(CaseStatus.CLOSED, "r1", 0, 10))).containsExactly("closed");
        assertThat(store.page(null, "nobody", 0, 10).total()).isZero();
    }

    @Test
    void open_loads_are_counted_in_the_database_as_they_were_counted_from_every_case() {
        List<ReviewCase> cases = List.of(
                opened("nobody-yet", NOW),
                submitted(assigned(opened("r1-submitted", NOW), R1, R2, R3), "r1"),
                recused(assigned(opened("r2-recused", NOW), R1, R2, R3), "r2"),
                assigned(opened("closed", NOW), R1, R2, R3).withdraw("申报单位撤回").reviewCase(),
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

    @Test
    void the_lists_indexes_are_declared() {
        store.insert(opened("any", NOW));
        assertThat(mongo.indexOps(ReviewCaseDocument.class).getIndexInfo()).extracting(IndexInfo::getName)
                .contains("newest", "status-newest", "reviewer-newest", "call-newest", "open-reviews-due", "next-due");
    }

    static ReviewCase assignedAt(ReviewCase c, org.qingdan.review.reviewer.domain.Reviewer r, java.time.Instant at) {
        return c.assign(r, 0, "office", at, ReviewFixtures.PERIOD).reviewCase();
    }

    @Test
    void lists_filter_by_call_tab_and_overdue_reviews_and_sort_by_age_or_due_date_in_the_database() {
        var call2025 = new org.qingdan.review.reviewcase.domain.Call("call-2025", "2025年度征集", 2025, 7, 3);
        var form = ReviewFixtures.form();
        java.time.Instant longAgo = NOW.minus(Duration.ofDays(20)); // due six days before NOW
        store.insert(opened("a-open", NOW.minus(Duration.ofHours(3))));
        store.insert(assignedAt(assignedAt(opened("b-late", NOW.minus(Duration.ofHours(2))), R1, longAgo), R2, NOW));
        store.insert(assignedAt(ReviewCase.open("c-ontime", call2025, 1, form, List.of(), NOW.minus(Duration.ofHours(1))), R1, NOW));
        // r1 submitted although late: no longer overdue; r2 is, since sixteen days
        ReviewCase d = assignedAt(assignedAt(opened("d-submitted", NOW), R1, longAgo), R2, NOW.minus(Duration.ofDays(30)));
        store.insert(submitted(d, "r1"));
        ReviewCase e = assigned(ReviewCase.open("e-decided", call2025, 1, form, List.of(), NOW.minus(Duration.ofHours(4))), R1, R2, R3);
        e = submitted(submitted(submitted(e, "r1"), "r2"), "r3").decide(false, List.of("不推荐"), "committee", NOW).reviewCase();
        store.insert(e);

        var open = org.qingdan.review.reviewcase.CaseQuery.Tab.OPEN;
        assertThat(ids(page(null, null, open, false, null, null))).containsExactly("d-submitted", "c-ontime", "b-late", "a-open");
        assertThat(ids(page(null, null, org.qingdan.review.reviewcase.CaseQuery.Tab.DONE, false, null, null))).containsExactly("e-decided");
        assertThat(ids(page(null, "call-2026", null, false, null, null))).containsExactly("d-submitted", "b-late", "a-open");
        assertThat(ids(page(null, "call-2025", null, false, null, null))).containsExactly("c-ontime", "e-decided");
        // overdue: an active assignment, its review not submitted, due before now; for one expert, that expert's
        assertThat(ids(page(null, null, null, true, null, null))).containsExactly("d-submitted", "b-late");
        assertThat(ids(page(null, null, null, true, null, "r1"))).containsExactly("b-late");
        assertThat(ids(page(null, null, null, true, null, "r2"))).containsExactly("d-submitted");
        assertThat(page(null, null, null, true, null, "r3").total()).isZero();
        // the earliest open due date first; cases without an open review last, by id
        assertThat(ids(page(null, null, null, false, org.qingdan.review.reviewcase.CaseQuery.Order.DUE, null)))
                .containsExactly("d-submitted", "b-late", "c-ontime", "a-open", "e-decided");
        assertThat(ids(page(null, null, open, false, org.qingdan.review.reviewcase.CaseQuery.Order.OLDEST, null)))
                .containsExactly("a-open", "b-late", "c-ontime", "d-submitted");
        // a status names its own list, whatever the tab
        assertThat(ids(page(CaseStatus.OPEN, null, null, false, null, null))).containsExactly("a-open");
        assertThat(store.calls()).extracting(CallRef::callId).containsExactly("call-2026", "call-2025");
        assertThat(store.calls().get(1).title()).isEqualTo("2025年度征集");
    }

    @Test
    void a_review_submitted_leaves_the_overdue_list_at_its_write() {
        ReviewCase late = assignedAt(opened("late", NOW), R1, NOW.minus(Duration.ofDays(20)));
        store.insert(late);
        assertThat(ids(page(null, null, null, true, null, "r1"))).containsExactly("late");
        var current = store.find("late").orElseThrow();
        store.update(current, submitted(current.state(), "r1"), List.of());
        assertThat(page(null, null, null, true, null, "r1").total()).isZero();
    }

    private Page<ReviewCase> page(CaseStatus status, String call, org.qingdan.review.reviewcase.CaseQuery.Tab tab,
                                                 boolean overdue, org.qingdan.review.reviewcase.CaseQuery.Order order, String reviewer) {
        return store.page(new org.qingdan.review.reviewcase.CaseQuery(status, call, tab, overdue, order, 0, 20), reviewer, NOW);
    }
}
