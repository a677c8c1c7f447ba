package org.qingdan.review.reviewcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.ExclusionGround;
import org.qingdan.contracts.form.Rating;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewer.domain.Reviewer;

class ReviewCaseTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final Duration PERIOD = Duration.ofDays(14);
    // the sample form: lead 91100000100003962T (bank), enterprise and participant 91110108551385082Q
    static final Reviewer FROM_APPLICANT = reviewer("r-bank", ContractSamples.BANK_USCC, List.of(), 5);
    static final Reviewer FROM_VENDOR = reviewer("r-vendor", ContractSamples.VENDOR_USCC, List.of(ApplicationScenario.RISK_MANAGEMENT), 5);
    static final Reviewer EXPERT_1 = reviewer("r1", "911301006789123452", List.of(ApplicationScenario.RISK_MANAGEMENT), 5);
    static final Reviewer EXPERT_2 = reviewer("r2", "91130100401234561E", List.of(), 5);
    static final Reviewer EXPERT_3 = reviewer("r3", "12130000400007199N", List.of(ApplicationScenario.MOBILE_BANKING), 5);
    static final Reviewer EXPERT_4 = reviewer("r4", "911301027356003226", List.of(ApplicationScenario.RISK_MANAGEMENT), 1);

    static Reviewer reviewer(String id, String org, List<ApplicationScenario> scenarios, int limit) {
        return new Reviewer(id, "专家" + id, id + "@expert.cn", org, "机构" + id, scenarios, List.of("大数据"), limit, true);
    }

    static ReviewCase opened() {
        return ReviewCase.open("app-1", ContractSamples.CALL, 1, ContractSamples.form(), List.of(), NOW);
    }

    static Review complete(Rating rating, boolean recommend) {
        Map<AssessmentDimension, Rating> ratings = new EnumMap<>(AssessmentDimension.class);
        for (AssessmentDimension d : AssessmentDimension.values()) {
            ratings.put(d, rating);
        }
        Map<ExclusionGround, Boolean> exclusions = new EnumMap<>(ExclusionGround.class);
        for (ExclusionGround g : ExclusionGround.values()) {
            exclusions.put(g, false);
        }
        return new Review(null, ratings, true, exclusions, recommend, "技术方案成熟", "建议补充运维数据", false, null, null);
    }

    static ReviewCase assignedToThree() {
        return opened().autoAssign(List.of(EXPERT_1, EXPERT_2, EXPERT_3), Map.of(), "office", NOW, PERIOD).reviewCase();
    }

    @Test
    void nobody_from_the_applicant_the_vendor_or_a_participant_is_assigned_decided_by_uscc() {
        assertThat(opened().conflicted(FROM_APPLICANT)).isTrue();
        assertThat(opened().conflicted(FROM_VENDOR)).isTrue();
        assertThat(opened().conflicted(EXPERT_1)).isFalse();
        // same name, another code: no conflict; another name, same code: conflict
        Reviewer namesake = new Reviewer("x", "某某科技有限公司的专家", null, "911301006789123452", "某某科技有限公司", List.of(), List.of(), 3, true);
        Reviewer renamed = new Reviewer("y", "专家", null, ContractSamples.VENDOR_USCC, "完全不同的名字", List.of(), List.of(), 3, true);
        assertThat(opened().conflicted(namesake)).isFalse();
        assertThat(opened().conflicted(renamed)).isTrue();
        assertThatThrownBy(() -> opened().assign(FROM_VENDOR, 0, "office", NOW, PERIOD))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.CONFLICT_OF_INTEREST));

        ReviewCase.Outcome auto = opened().autoAssign(List.of(FROM_APPLICANT, FROM_VENDOR, EXPERT_1, EXPERT_2, EXPERT_3), Map.of(),
                "office", NOW, PERIOD);
        assertThat(auto.reviewCase().activeAssignments()).extracting(Assignment::reviewerId).containsExactlyInAnyOrder("r1", "r2", "r3");
        assertThat(auto.events()).hasSize(3).allMatch(e -> e instanceof ReviewCase.Event.ReviewerAssigned);
    }

    @Test
    void a_pool_entry_with_a_mistyped_credit_code_is_refused_because_it_would_hide_a_conflict() {
        assertThat(EXPERT_1.problems()).isEmpty();
        Reviewer typo = reviewer("r9", "91110108551385082A", List.of(), 5); // the vendor's code, last character wrong
        assertThat(typo.problems()).extracting(p -> p[0] + ":" + p[1]).containsExactly("orgUscc:uscc-check-character");
    }

    @Test
    void automatic_assignment_prefers_expertise_then_balances_load_and_respects_limits() {
        Map<String, Integer> loads = new HashMap<>(Map.of("r1", 3, "r4", 1));
        ReviewCase c = opened().autoAssign(List.of(EXPERT_1, EXPERT_2, EXPERT_3, EXPERT_4), loads, "office", NOW, PERIOD).reviewCase();
        // r4 matches best but is at its limit; r1 matches; r2 and r3 fill by load then id
        assertThat(c.activeAssignments()).extracting(Assignment::reviewerId).containsExactly("r1", "r2", "r3");
        assertThatThrownBy(() -> opened().autoAssign(List.of(EXPERT_1, FROM_VENDOR), Map.of(), "office", NOW, PERIOD))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.NO_CANDIDATES));
    }

    @Test
    void a_declared_conflict_frees_the_place_and_the_office_reassigns() {
        ReviewCase.Outcome recused = assignedToThree().declareConflict("r2", "曾参与该产品研发咨询");
        // the expert's access to the application ends with its assignment (application-service hears of it)
        assertThat(recused.events()).singleElement().isInstanceOfSatisfying(ReviewCase.Event.ReviewerRecused.class,
                e -> assertThat(e.assignment().reviewerId()).isEqualTo("r2"));
        ReviewCase c = recused.reviewCase();
        assertThat(c.activeAssignments()).extracting(Assignment::reviewerId).containsExactlyInAnyOrder("r1", "r3");
        assertThat(c.missingReviewers()).isEqualTo(1);
        ReviewCase refilled = c.autoAssign(List.of(EXPERT_1, EXPERT_2, EXPERT_3, EXPERT_4), Map.of(), "office", NOW, PERIOD).reviewCase();
        assertThat(refilled.activeAssignments()).extracting(Assignment::reviewerId).containsExactlyInAnyOrder("r1", "r3", "r4");
        assertThatThrownBy(() -> refilled.saveDraft("r2", complete(Rating.GOOD, true), NOW))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.NOT_ASSIGNED));
    }

    @Test
    void a_recusal_needs_a_reason_an_assignment_and_no_submitted_review() {
        ReviewCase c = assignedToThree();
        assertThatThrownBy(() -> c.declareConflict("r2", "  ")).isInstanceOfSatisfying(ReviewRefused.class, e -> {
            assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.INVALID);
            assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("reason");
        });
        assertThatThrownBy(() -> c.declareConflict("r2", "理".repeat(ReviewCase.MAX_TEXT + 1)))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.INVALID));
        assertThatThrownBy(() -> c.declareConflict("r4", "不在本案"))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.NOT_ASSIGNED));
        ReviewCase submitted = c.saveDraft("r1", complete(Rating.GOOD, true), NOW).submit("r1", NOW).reviewCase();
        assertThatThrownBy(() -> submitted.declareConflict("r1", "事后发现利益冲突"))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.WRONG_STATE));
    }

    @Test
    void a_reviewer_sees_no_other_review_until_its_own_is_submitted() {
        ReviewCase c = assignedToThree().saveDraft("r1", complete(Rating.GOOD, true), NOW);
        c = c.submit("r1", NOW).reviewCase().saveDraft("r2", complete(Rating.EXCELLENT, true), NOW);
        assertThat(c.reviewsVisibleTo("r2")).extracting(Review::reviewerId).containsExactly("r2");
        assertThat(c.reviewsVisibleTo("r3")).isEmpty();
        c = c.submit("r2", NOW).reviewCase();
        assertThat(c.reviewsVisibleTo("r2")).extracting(Review::reviewerId).containsExactlyInAnyOrder("r1", "r2");
    }

    @Test
    void an_incomplete_review_is_refused_with_every_missing_part() {
        ReviewCase c = assignedToThree().saveDraft("r1", new Review(null, Map.of(AssessmentDimension.RISK_CONTROL, Rating.GOOD),
                null, Map.of(), null, null, null, false, null, null), NOW);
        ReviewCase finalC = c;
        assertThatThrownBy(() -> finalC.submit("r1", NOW)).isInstanceOfSatisfying(ReviewRefused.class, e ->
                assertThat(e.problems()).extracting(ReviewRefused.Problem::field).contains("ratings.LEGAL_COMPLIANCE",
                        "eligibilityConfirmed", "exclusionsFound.FRAUD", "recommend", "commentsForCommittee"));
    }

    @Test
    void quorum_makes_the_case_ready_with_distribution_median_disagreement_and_self_assessment() {
        ReviewCase c = assignedToThree();
        c = c.saveDraft("r1", complete(Rating.QUALIFIED, false), NOW).submit("r1", NOW).reviewCase();
        ReviewCase.Outcome second = c.saveDraft("r2", complete(Rating.GOOD, true), NOW).submit("r2", NOW);
        // each submission says that this expert is done (no reminders any more), and nothing of what it wrote
        assertThat(second.events()).containsExactly(new ReviewCase.Event.ReviewSubmitted("r2", NOW));
        c = second.reviewCase();
        assertThat(c.status()).isEqualTo(CaseStatus.ASSIGNED);
        ReviewCase.Outcome last = c.saveDraft("r3", complete(Rating.OUTSTANDING, true), NOW).submit("r3", NOW);
        assertThat(last.reviewCase().status()).isEqualTo(CaseStatus.READY_FOR_DECISION);
        assertThat(last.events()).hasSize(2).first().isEqualTo(new ReviewCase.Event.ReviewSubmitted("r3", NOW));
        Scores scores = ((ReviewCase.Event.ReadyForDecision) last.events().get(1)).scores();
        Scores.Dimension legal = scores.dimensions().get(0);
        assertThat(legal.distribution()).containsEntry(Rating.QUALIFIED, 1).containsEntry(Rating.GOOD, 1).containsEntry(Rating.OUTSTANDING, 1);
        assertThat(legal.median()).isEqualTo(Rating.GOOD);
        assertThat(legal.reviewersDisagree()).isTrue();
        assertThat(legal.selfAssessed()).isEqualTo(Rating.GOOD);
        assertThat(scores.recommendations()).isEqualTo(2);
    }

    @Test
    void the_decision_is_made_once_with_reasons() {
        ReviewCase c = assignedToThree();
        for (String r : List.of("r1", "r2", "r3")) {
            c = c.saveDraft(r, complete(Rating.GOOD, true), NOW).submit(r, NOW).reviewCase();
        }
        ReviewCase ready = c;
        assertThatThrownBy(() -> ready.decide(true, List.of(" "), "committee", NOW))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("reasons"));
        ReviewCase.Outcome decided = ready.decide(true, List.of("三位专家一致推荐"), "committee", NOW);
        assertThat(decided.events()).singleElement().isInstanceOf(ReviewCase.Event.Completed.class);
        assertThatThrownBy(() -> decided.reviewCase().decide(false, List.of("再议"), "office", NOW))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.kind()).isEqualTo(ReviewRefused.Kind.WRONG_STATE));
        assertThatThrownBy(() -> assignedToThree().decide(true, List.of("过早"), "committee", NOW)).isInstanceOf(ReviewRefused.class);
    }

    @Test
    void a_later_form_version_updates_the_snapshot_and_keeps_the_history_and_a_withdrawal_closes() {
        ReviewCase c = opened().withSnapshot(2, ContractSamples.form(), List.of("major-latent-risk"));
        assertThat(c.formVersion()).isEqualTo(2);
        assertThat(c.formVersionsSeen()).containsExactly(1, 2);
        assertThat(c.withSnapshot(2, ContractSamples.form(), List.of())).isEqualTo(c);
        ReviewCase.Outcome withdrawn = c.withdraw("撤回");
        assertThat(withdrawn.reviewCase().status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(withdrawn.events()).singleElement().isInstanceOf(ReviewCase.Event.Closed.class);
        assertThat(withdrawn.reviewCase().withdraw("撤回").events()).isEmpty(); // idempotent
    }

    @Test
    void a_withdrawal_and_the_decision_exclude_each_other_whichever_comes_first() {
        ReviewCase c = assignedToThree();
        for (String r : List.of("r1", "r2", "r3")) {
            c = c.saveDraft(r, complete(Rating.GOOD, true), NOW).submit(r, NOW).reviewCase();
        }
        ReviewCase ready = c;
        // withdrawal first: the case closes and no decision can follow
        ReviewCase closed = ready.withdraw("申报单位撤回").reviewCase();
        assertThatThrownBy(() -> closed.decide(true, List.of("推荐"), "committee", NOW)).isInstanceOf(ReviewRefused.class);
        // decision first: the withdrawal changes nothing and raises nothing
        ReviewCase decided = ready.decide(true, List.of("推荐"), "committee", NOW).reviewCase();
        ReviewCase.Outcome late = decided.withdraw("申报单位撤回");
        assertThat(late.reviewCase()).isEqualTo(decided);
        assertThat(late.events()).isEmpty();
    }
}
