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
import org.qingdan.contracts.form.Rating;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.testing.ReviewFixtures;
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
        return ReviewCase.open("app-1", ReviewFixtures.CALL, 1, ReviewFixtures.form(), List.of(), NOW);
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
    void nobody_from_the_applicant_the_vendor_or_a_participant_is_assigned() {
        // who is conflicted, and why, is ReviewerMatching's (ReviewerMatchingTest); the case refuses to record it
        assertThatThrownBy(() -> opened().assign(FROM_VENDOR, 0, "office", NOW, PERIOD))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.CONFLICT_OF_INTEREST));

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
    void automatic_assignment_records_the_experts_matching_chose_in_their_order() {
        Map<String, Integer> loads = new HashMap<>(Map.of("r1", 3, "r4", 1));
        ReviewCase c = opened().autoAssign(List.of(EXPERT_1, EXPERT_2, EXPERT_3, EXPERT_4), loads, "office", NOW, PERIOD).reviewCase();
        assertThat(c.activeAssignments()).extracting(Assignment::reviewerId).containsExactly("r1", "r2", "r3");
        assertThatThrownBy(() -> opened().autoAssign(List.of(EXPERT_1, FROM_VENDOR), Map.of(), "office", NOW, PERIOD))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.NO_CANDIDATES));
        // a closed case takes no more experts: the case checks its state before matching chooses
        ReviewCase closed = assignedToThree().withdraw("撤回").reviewCase();
        assertThatThrownBy(() -> closed.autoAssign(List.of(EXPERT_4), Map.of(), "office", NOW, PERIOD))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE));
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
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.NOT_ASSIGNED));
    }

    @Test
    void a_recusal_needs_a_reason_an_assignment_and_no_submitted_review() {
        ReviewCase c = assignedToThree();
        assertThatThrownBy(() -> c.declareConflict("r2", "  ")).isInstanceOfSatisfying(ReviewRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.INVALID);
            assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("reason");
        });
        assertThatThrownBy(() -> c.declareConflict("r2", "理".repeat(ReviewCase.MAX_TEXT + 1)))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.INVALID));
        assertThatThrownBy(() -> c.declareConflict("r4", "不在本案"))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.NOT_ASSIGNED));
        ReviewCase submitted = c.saveDraft("r1", complete(Rating.GOOD, true), NOW).submit("r1", NOW).reviewCase();
        assertThatThrownBy(() -> submitted.declareConflict("r1", "事后发现利益冲突"))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE));
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
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE));
        assertThatThrownBy(() -> assignedToThree().decide(true, List.of("过早"), "committee", NOW)).isInstanceOf(ReviewRefused.class);
    }

    @Test
    void a_later_form_version_updates_the_snapshot_and_keeps_the_history_and_a_withdrawal_closes() {
        ReviewCase c = opened().withSnapshot(2, ReviewFixtures.form(), List.of("major-latent-risk"));
        assertThat(c.formVersion()).isEqualTo(2);
        assertThat(c.formVersionsSeen()).containsExactly(1, 2);
        assertThat(c.withSnapshot(2, ReviewFixtures.form(), List.of())).isEqualTo(c);
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

    static Review finding(ExclusionGround ground, Boolean eligible) {
        Review r = complete(Rating.GOOD, false);
        Map<ExclusionGround, Boolean> exclusions = new EnumMap<>(r.exclusionsFound());
        if (ground != null) {
            exclusions.put(ground, true);
        }
        return new Review(null, r.ratings(), eligible, exclusions, false, "发现问题，需复核", null, false, null, null);
    }

    static ReviewCase ready(Review r1, Review r2, Review r3) {
        ReviewCase c = assignedToThree();
        c = c.saveDraft("r1", r1, NOW).submit("r1", NOW).reviewCase();
        c = c.saveDraft("r2", r2, NOW).submit("r2", NOW).reviewCase();
        return c.saveDraft("r3", r3, NOW).submit("r3", NOW).reviewCase();
    }

    @Test
    void art5_an_approval_is_refused_naming_each_ground_and_the_review_that_found_it_and_a_rejection_goes_through() {
        ReviewCase c = ready(complete(Rating.GOOD, true), finding(ExclusionGround.UNRESOLVED_COMPLAINTS, true),
                finding(ExclusionGround.FRAUD, false));
        assertThat(c.status()).isEqualTo(CaseStatus.READY_FOR_DECISION);
        assertThat(c.findings()).extracting(Finding::reviewerId, Finding::kind, Finding::ground).containsExactly(
                org.assertj.core.groups.Tuple.tuple("r2", Finding.Kind.EXCLUSION, ExclusionGround.UNRESOLVED_COMPLAINTS),
                org.assertj.core.groups.Tuple.tuple("r3", Finding.Kind.EXCLUSION, ExclusionGround.FRAUD),
                org.assertj.core.groups.Tuple.tuple("r3", Finding.Kind.ELIGIBILITY_NOT_CONFIRMED, null));
        assertThatThrownBy(() -> c.decide(true, List.of("多数推荐"), "committee", NOW)).isInstanceOfSatisfying(ApprovalBarred.class, e -> {
            assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.APPROVAL_BARRED);
            assertThat(e.problems()).extracting(ReviewRefused.Problem::field, ReviewRefused.Problem::rule).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("reviews[r2].exclusionsFound.UNRESOLVED_COMPLAINTS", "art5-exclusion"),
                    org.assertj.core.groups.Tuple.tuple("reviews[r3].exclusionsFound.FRAUD", "art5-exclusion"),
                    org.assertj.core.groups.Tuple.tuple("reviews[r3].eligibilityConfirmed", "art4-eligibility-not-confirmed"));
            assertThat(e.problems().get(0).message()).contains("专家r2", ExclusionGround.UNRESOLVED_COMPLAINTS.label());
        });
        ReviewCase.Outcome rejected = c.decide(false, List.of("存在第五条情形"), "committee", NOW);
        assertThat(rejected.reviewCase().status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(rejected.reviewCase().decision().approved()).isFalse();
    }

    @Test
    void art4_an_approval_is_refused_while_one_review_does_not_confirm_the_eligibility_basis() {
        ReviewCase c = ready(complete(Rating.GOOD, true), complete(Rating.GOOD, true), finding(null, false));
        assertThatThrownBy(() -> c.decide(true, List.of("推荐"), "committee", NOW)).isInstanceOfSatisfying(ApprovalBarred.class,
                e -> assertThat(e.findings()).singleElement().satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(Finding.Kind.ELIGIBILITY_NOT_CONFIRMED);
                    assertThat(f.field()).isEqualTo("reviews[r3].eligibilityConfirmed");
                    assertThat(f.label()).isEqualTo("未确认第四条认定条件");
                }));
        // drafts and recused experts' reviews are no findings: only submitted reviews of active assignments count
        assertThat(assignedToThree().saveDraft("r1", finding(ExclusionGround.FRAUD, false), NOW).findings()).isEmpty();
    }

    @Test
    void the_office_reopens_one_review_the_earlier_answer_stays_and_a_second_look_can_clear_the_way() {
        ReviewCase c = ready(complete(Rating.GOOD, true), complete(Rating.GOOD, true), finding(ExclusionGround.LEGAL_OR_REGULATORY_RISK, true));
        Review earlier = c.reviewOf("r3").orElseThrow();
        ReviewCase.Outcome reopened = c.reopen("r3", "请核实违法违规风险的依据", "office", NOW.plusSeconds(60));
        ReviewCase open = reopened.reviewCase();
        assertThat(open.status()).isEqualTo(CaseStatus.ASSIGNED);
        assertThat(open.reviewOf("r3")).get().satisfies(r -> {
            assertThat(r.submitted()).isFalse(); // the expert's draft again, prefilled with its answer
            assertThat(r.exclusionsFound()).containsEntry(ExclusionGround.LEGAL_OR_REGULATORY_RISK, true);
        });
        assertThat(open.reopenings()).singleElement().satisfies(o -> {
            assertThat(o.reviewerId()).isEqualTo("r3");
            assertThat(o.earlier()).isEqualTo(earlier);
            assertThat(o.reason()).isEqualTo("请核实违法违规风险的依据");
            assertThat(o.reopenedBy()).isEqualTo("office");
        });
        assertThat(open.findings()).isEmpty(); // the reopened review is no longer submitted
        assertThatThrownBy(() -> open.decide(false, List.of("过早"), "committee", NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE));

        // the expert looks again and finds nothing: quorum again, and the approval goes through
        ReviewCase.Outcome again = open.saveDraft("r3", complete(Rating.GOOD, true), NOW).submit("r3", NOW.plusSeconds(120));
        assertThat(again.reviewCase().status()).isEqualTo(CaseStatus.READY_FOR_DECISION);
        assertThat(again.events()).hasSize(2).last().isInstanceOf(ReviewCase.Event.ReadyForDecision.class);
        assertThat(again.reviewCase().reopenings()).singleElement().extracting(Reopening::earlier).isEqualTo(earlier);
        assertThat(again.reviewCase().decide(true, List.of("复核后无第五条情形"), "committee", NOW).reviewCase().decision().approved()).isTrue();
    }

    @Test
    void a_reopening_needs_a_submitted_review_a_reason_and_no_decision_and_is_bounded() {
        ReviewCase c = ready(complete(Rating.GOOD, true), complete(Rating.GOOD, true), finding(ExclusionGround.OTHER, true));
        assertThatThrownBy(() -> c.reopen("r3", " ", "office", NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("reason"));
        assertThatThrownBy(() -> c.reopen("r4", "不在本案", "office", NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("reviewerId"));
        ReviewCase reopened = c.reopen("r3", "复核", "office", NOW).reviewCase();
        assertThatThrownBy(() -> reopened.reopen("r3", "再次复核", "office", NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE)); // not submitted again yet
        ReviewCase decided = c.decide(false, List.of("不予通过"), "committee", NOW).reviewCase();
        assertThatThrownBy(() -> decided.reopen("r3", "复核", "office", NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE));
        ReviewCase cycled = c;
        for (int i = 0; i < ReviewCase.MAX_REOPENINGS_PER_REVIEWER; i++) {
            cycled = cycled.reopen("r3", "复核 " + i, "office", NOW).reviewCase().submit("r3", NOW).reviewCase();
        }
        ReviewCase limit = cycled;
        assertThatThrownBy(() -> limit.reopen("r3", "第四次", "office", NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::rule).containsExactly("max-reopenings"));
        assertThat(limit.reopenings()).hasSize(ReviewCase.MAX_REOPENINGS_PER_REVIEWER);
    }

    @Test
    void the_self_assessment_is_flagged_where_the_reviewers_median_is_two_levels_or_more_away() {
        // self: legal GOOD, innovation EXCELLENT, risk GOOD, after-sales QUALIFIED
        Map<AssessmentDimension, Rating> ratings = new EnumMap<>(Map.of(AssessmentDimension.LEGAL_COMPLIANCE, Rating.GOOD,
                AssessmentDimension.FINANCIAL_INNOVATION, Rating.QUALIFIED, AssessmentDimension.RISK_CONTROL, Rating.QUALIFIED,
                AssessmentDimension.AFTER_SALES_SERVICE, Rating.OUTSTANDING));
        Review r = complete(Rating.GOOD, true);
        Review scored = new Review(null, ratings, true, r.exclusionsFound(), true, "意见", null, false, null, null);
        Scores scores = ready(scored, scored, scored).scores();
        Map<AssessmentDimension, Scores.Dimension> by = new EnumMap<>(AssessmentDimension.class);
        scores.dimensions().forEach(d -> by.put(d.dimension(), d));
        assertThat(by.get(AssessmentDimension.LEGAL_COMPLIANCE)).extracting(Scores.Dimension::selfGap, Scores.Dimension::selfGapFlagged)
                .containsExactly(0, false);
        assertThat(by.get(AssessmentDimension.FINANCIAL_INNOVATION)).extracting(Scores.Dimension::selfGap, Scores.Dimension::selfGapFlagged)
                .containsExactly(-2, true); // rated itself two levels above the experts
        assertThat(by.get(AssessmentDimension.RISK_CONTROL)).extracting(Scores.Dimension::selfGap, Scores.Dimension::selfGapFlagged)
                .containsExactly(-1, false);
        assertThat(by.get(AssessmentDimension.AFTER_SALES_SERVICE)).extracting(Scores.Dimension::selfGap, Scores.Dimension::selfGapFlagged)
                .containsExactly(3, true); // the experts rate it three levels higher
        assertThat(scores.anySelfGapFlagged()).isTrue();
        // the gap is against the median, not against every reviewer
        Review high = new Review(null, new EnumMap<>(Map.of(AssessmentDimension.LEGAL_COMPLIANCE, Rating.OUTSTANDING,
                AssessmentDimension.FINANCIAL_INNOVATION, Rating.EXCELLENT, AssessmentDimension.RISK_CONTROL, Rating.GOOD,
                AssessmentDimension.AFTER_SALES_SERVICE, Rating.QUALIFIED)), true, r.exclusionsFound(), true, "意见", null, false, null, null);
        Review same = new Review(null, new EnumMap<>(Map.of(AssessmentDimension.LEGAL_COMPLIANCE, Rating.GOOD,
                AssessmentDimension.FINANCIAL_INNOVATION, Rating.EXCELLENT, AssessmentDimension.RISK_CONTROL, Rating.GOOD,
                AssessmentDimension.AFTER_SALES_SERVICE, Rating.QUALIFIED)), true, r.exclusionsFound(), true, "意见", null, false, null, null);
        assertThat(ready(same, high, same).scores().anySelfGapFlagged()).isFalse();
    }

    @Test
    void the_office_removes_an_expert_before_its_review_is_in_and_the_draft_goes_with_it() {
        ReviewCase c = assignedToThree().saveDraft("r2", complete(Rating.GOOD, true), NOW);
        ReviewCase.Outcome unassigned = c.unassign("r2", "出差无法按期评审", "office");
        ReviewCase removed = unassigned.reviewCase();
        // the expert is told, and its access and reminders end (application-service, notification-service)
        assertThat(unassigned.events()).singleElement().isInstanceOfSatisfying(ReviewCase.Event.ReviewerUnassigned.class, e -> {
            assertThat(e.assignment().reviewerId()).isEqualTo("r2");
            assertThat(e.by()).isEqualTo("office");
        });
        assertThat(removed.assignmentOf("r2").orElseThrow().status()).isEqualTo(Assignment.Status.REMOVED);
        assertThat(removed.assignmentOf("r2").orElseThrow().conflictReason()).isEqualTo("出差无法按期评审");
        assertThat(removed.reviewOf("r2")).isEmpty();
        assertThat(removed.missingReviewers()).isEqualTo(1);
        assertThat(removed.status()).isEqualTo(CaseStatus.ASSIGNED);
        // then someone else takes the place
        ReviewCase replaced = removed.assign(reviewer("r5", "91130100401234561E", List.of(), 5), 0, "office", NOW, PERIOD).reviewCase();
        assertThat(replaced.activeAssignments()).extracting(Assignment::reviewerId).containsExactly("r1", "r3", "r5");
        // a submitted review stays: the office reopens it instead
        ReviewCase submitted = assignedToThree().saveDraft("r1", complete(Rating.GOOD, true), NOW).submit("r1", NOW).reviewCase();
        assertThatThrownBy(() -> submitted.unassign("r1", "改派", "office"))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::rule)
                        .containsExactly("not-submitted"));
        assertThatThrownBy(() -> c.unassign("r2", " ", "office")).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("reason"));
        // the removed expert no longer reaches the case
        assertThatThrownBy(() -> removed.saveDraft("r2", complete(Rating.GOOD, true), NOW)).isInstanceOf(ReviewRefused.class);
    }

    @Test
    void the_evidence_per_dimension_is_kept_through_submission_and_bounded() {
        Review r = complete(Rating.GOOD, true);
        Map<AssessmentDimension, String> evidence = Map.of(AssessmentDimension.RISK_CONTROL, "风控模型经两年运行验证");
        Review withEvidence = new Review(null, r.ratings(), true, r.exclusionsFound(), true, "意见", null, false, null, null, evidence);
        ReviewCase c = assignedToThree().saveDraft("r1", withEvidence, NOW).submit("r1", NOW).reviewCase();
        assertThat(c.reviewOf("r1").orElseThrow().dimensionComments()).isEqualTo(evidence);
        Review tooLong = new Review(null, r.ratings(), true, r.exclusionsFound(), true, "意见", null, false, null, null,
                Map.of(AssessmentDimension.LEGAL_COMPLIANCE, "长".repeat(ReviewCase.MAX_TEXT + 1)));
        assertThatThrownBy(() -> assignedToThree().saveDraft("r1", tooLong, NOW)).isInstanceOfSatisfying(ReviewRefused.class,
                e -> assertThat(e.problems()).extracting(ReviewRefused.Problem::field).containsExactly("dimensionComments.LEGAL_COMPLIANCE"));
    }

    @Test
    void an_expert_joins_the_discussion_only_with_its_own_review_submitted() {
        ReviewCase c = assignedToThree().saveDraft("r1", complete(Rating.GOOD, true), NOW);
        assertThat(c.discussionOpenTo("r1")).isFalse();
        ReviewCase submitted = c.submit("r1", NOW).reviewCase();
        assertThat(submitted.discussionOpenTo("r1")).isTrue();
        assertThat(submitted.discussionOpenTo("r2")).isFalse();
        assertThat(submitted.discussionOpenTo("nobody")).isFalse();
    }

    @Test
    void the_office_s_choice_to_show_experts_names_outlives_every_change_of_the_case() {
        ReviewCase shown = assignedToThree().withExpertNamesShown(true);
        assertThat(assignedToThree().expertNamesShown()).isFalse();
        ReviewCase later = shown.saveDraft("r1", complete(Rating.GOOD, true), NOW).submit("r1", NOW).reviewCase()
                .reopen("r1", "请补充数据安全意见", "office", NOW).reviewCase();
        assertThat(later.expertNamesShown()).isTrue();
        assertThat(later.withExpertNamesShown(false).expertNamesShown()).isFalse();
        assertThat(later.expertNumber("r2")).isEqualTo(2);
    }
}
