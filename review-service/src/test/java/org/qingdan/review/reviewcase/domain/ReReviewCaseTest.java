package org.qingdan.review.reviewcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.qingdan.review.testing.ReviewFixtures;

/** A re-review (复核, Art. 12) is reviewed as any case and concluded by keeping the product listed or delisting it. */
class ReReviewCaseTest {

    static ReviewCase ready() {
        ReviewCase c = ReviewFixtures.assigned(ReviewFixtures.reReview("rr-1", ReviewFixtures.NOW), ReviewFixtures.R1, ReviewFixtures.R2,
                ReviewFixtures.R3);
        for (String r : List.of("r1", "r2", "r3")) {
            c = ReviewFixtures.submitted(c, r);
        }
        return c;
    }

    @Test
    void opens_without_a_form_named_by_the_product_with_three_reviewers() {
        ReviewCase c = ReviewFixtures.reReview("rr-1", ReviewFixtures.NOW);
        assertThat(c.isReReview()).isTrue();
        assertThat(c.form()).isNull();
        assertThat(c.id()).isEqualTo("rr-1");
        assertThat(c.applicationId()).isEqualTo("listing-rr-1");
        assertThat(c.productName()).isEqualTo("智能风控平台");
        assertThat(c.applicantName()).isEqualTo("河北银行股份有限公司");
        assertThat(c.missingReviewers()).isEqualTo(3);
        assertThat(c.scores().dimensions()).allSatisfy(d -> assertThat(d.selfAssessed()).isNull());
    }

    @Test
    void experts_of_the_products_organisations_are_conflicted() {
        ReviewCase c = ReviewFixtures.reReview("rr-1", ReviewFixtures.NOW);
        Reviewer ofVendor = ReviewFixtures.reviewer("v", ContractSamples.VENDOR_USCC, 5);
        Reviewer ofLead = ReviewFixtures.reviewer("b", ContractSamples.BANK_USCC, 5);
        assertThat(ReviewerMatching.of(c).conflictsOf(ofVendor)).extracting(ReviewerMatching.ConflictingRole::role)
                .containsExactly(ReviewerMatching.ConflictingRole.Role.ENTERPRISE, ReviewerMatching.ConflictingRole.Role.PARTICIPANT);
        assertThat(ReviewerMatching.of(c).conflictsOf(ofLead)).extracting(ReviewerMatching.ConflictingRole::role).containsExactly(ReviewerMatching.ConflictingRole.Role.APPLICANT);
        assertThatThrownBy(() -> c.assign(ofVendor, 0, "office", ReviewFixtures.NOW, ReviewFixtures.PERIOD))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.CONFLICT_OF_INTEREST));
        assertThat(c.autoAssign(List.of(ofVendor, ofLead, ReviewFixtures.R1, ReviewFixtures.R2, ReviewFixtures.R3), java.util.Map.of(),
                "office", ReviewFixtures.NOW, ReviewFixtures.PERIOD).reviewCase().activeAssignments())
                .extracting(Assignment::reviewerId).containsExactlyInAnyOrder("r1", "r2", "r3");
    }

    @Test
    void kept_once_with_reasons() {
        ReviewCase.Outcome kept = ready().decideReReview(true, null, null, List.of("风险可控"), "committee", ReviewFixtures.NOW);
        assertThat(kept.reviewCase().status()).isEqualTo(CaseStatus.DECIDED);
        assertThat(kept.events()).singleElement().isInstanceOfSatisfying(ReviewCase.Event.ReReviewCompleted.class,
                e -> assertThat(e.decision().approved()).isTrue());
        assertThatThrownBy(() -> kept.reviewCase().decideReReview(false, DelistingReason.MAJOR_DEFECT, null, List.of("x"), "c", ReviewFixtures.NOW))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.WRONG_STATE));
    }

    @Test
    void delisted_for_an_art12_reason_naming_the_art5_ground_for_clause_three() {
        ReviewCase c = ready();
        assertProblem(() -> c.decideReReview(false, null, null, List.of("x"), "c", ReviewFixtures.NOW), "delistingReason", "required");
        assertProblem(() -> c.decideReReview(false, DelistingReason.VOLUNTARY_WITHDRAWAL, null, List.of("x"), "c", ReviewFixtures.NOW),
                "delistingReason", "art12-only");
        assertProblem(() -> c.decideReReview(false, DelistingReason.ART5_EXCLUSION, null, List.of("x"), "c", ReviewFixtures.NOW),
                "exclusionGround", "required");
        assertProblem(() -> c.decideReReview(false, DelistingReason.MAJOR_DEFECT, ExclusionGround.FRAUD, List.of("x"), "c", ReviewFixtures.NOW),
                "exclusionGround", "only-for-art5");
        assertProblem(() -> c.decideReReview(true, DelistingReason.MAJOR_DEFECT, null, List.of("x"), "c", ReviewFixtures.NOW),
                "delistingReason", "only-for-delist");
        assertProblem(() -> c.decideReReview(false, DelistingReason.MAJOR_DEFECT, null, List.of(" "), "c", ReviewFixtures.NOW),
                "reasons", "required");
        Decision d = c.decideReReview(false, DelistingReason.ART5_EXCLUSION, ExclusionGround.UNRESOLVED_COMPLAINTS, List.of("投诉未化解"), "c",
                ReviewFixtures.NOW).reviewCase().decision();
        assertThat(d.approved()).isFalse();
        assertThat(d.delistingReason()).isEqualTo(DelistingReason.ART5_EXCLUSION);
        assertThat(d.exclusionGround()).isEqualTo(ExclusionGround.UNRESOLVED_COMPLAINTS);
    }

    @Test
    void a_finding_bars_keeping_as_it_bars_an_approval_and_each_case_takes_only_its_own_decision() {
        ReviewCase c = ReviewFixtures.assigned(ReviewFixtures.reReview("rr-2", ReviewFixtures.NOW), ReviewFixtures.R1, ReviewFixtures.R2,
                ReviewFixtures.R3);
        var finding = ReviewFixtures.complete();
        var exclusions = new java.util.EnumMap<>(finding.exclusionsFound());
        exclusions.put(ExclusionGround.UNRESOLVED_COMPLAINTS, true);
        c = c.saveDraft("r1", new Review(null, finding.ratings(), true, exclusions, false, "投诉未化解", null, false, null, null),
                ReviewFixtures.NOW).submit("r1", ReviewFixtures.NOW).reviewCase();
        c = ReviewFixtures.submitted(ReviewFixtures.submitted(c, "r2"), "r3");
        ReviewCase barred = c;
        assertThatThrownBy(() -> barred.decideReReview(true, null, null, List.of("x"), "c", ReviewFixtures.NOW)).isInstanceOf(ApprovalBarred.class);
        assertProblem(() -> barred.decide(true, List.of("x"), "c", ReviewFixtures.NOW), "decision", "re-review");
        ReviewCase application = ReviewFixtures.opened("app-9", ReviewFixtures.NOW);
        assertProblem(() -> application.decideReReview(true, null, null, List.of("x"), "c", ReviewFixtures.NOW), "decision", "application");
    }

    static void assertProblem(Runnable command, String field, String rule) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ReviewRefused.class, e ->
                assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.field()).isEqualTo(field);
                    assertThat(p.rule()).isEqualTo(rule);
                }));
    }
}
