package org.qingdan.review.reviewcase.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.EXPERT_1;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.EXPERT_2;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.EXPERT_3;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.EXPERT_4;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.FROM_APPLICANT;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.FROM_VENDOR;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.assignedToThree;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.opened;
import static org.qingdan.review.reviewcase.domain.ReviewCaseTest.reviewer;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.ApplicationScenario;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewcase.domain.ReviewerMatching.ConflictingRole;
import org.qingdan.review.reviewer.domain.Reviewer;

/** Which experts may review a case and which fit it best; no Spring, no store: the domain service alone. */
class ReviewerMatchingTest {

    static ReviewerMatching matching() {
        return ReviewerMatching.of(opened());
    }

    @Test
    void an_expert_of_the_lead_the_enterprise_or_a_participant_is_conflicted_decided_by_uscc_not_by_name() {
        assertThat(matching().conflicted(FROM_APPLICANT)).isTrue();
        assertThat(matching().conflicted(FROM_VENDOR)).isTrue();
        assertThat(matching().conflicted(EXPERT_1)).isFalse();
        Reviewer namesake = new Reviewer("x", "某某科技有限公司的专家", null, "911301006789123452", "某某科技有限公司", List.of(), List.of(), 3, true);
        Reviewer renamed = new Reviewer("y", "专家", null, ContractSamples.VENDOR_USCC, "完全不同的名字", List.of(), List.of(), 3, true);
        assertThat(matching().conflicted(namesake)).isFalse();
        assertThat(matching().conflicted(renamed)).isTrue();
        assertThat(matching().organisations()).containsExactlyInAnyOrder(ContractSamples.BANK_USCC, ContractSamples.VENDOR_USCC);
    }

    @Test
    void a_candidate_says_which_organisation_excludes_it_and_in_which_role() {
        var roles = matching().conflictsOf(FROM_VENDOR);
        // the sample's vendor is the enterprise and also the first participant
        assertThat(roles).extracting(ConflictingRole::role).containsExactly(ConflictingRole.Role.ENTERPRISE, ConflictingRole.Role.PARTICIPANT);
        assertThat(roles).extracting(ConflictingRole::orgName).containsOnly("某某科技有限公司");
        // the bank leads and issued the evaluation report
        assertThat(matching().conflictsOf(FROM_APPLICANT)).extracting(ConflictingRole::role)
                .containsExactly(ConflictingRole.Role.APPLICANT, ConflictingRole.Role.REPORT_ISSUER);
        assertThat(matching().conflictsOf(reviewer("n", null, List.of(), 5))).isEmpty();
        ReviewerMatching.Candidate free = matching().candidate(EXPERT_1, 0);
        assertThat(free.assignable()).isTrue();
        assertThat(free.expertise()).isEqualTo(3); // risk management (2) and 大数据 (1)
        assertThat(matching().candidate(FROM_APPLICANT, 0).assignable()).isFalse();
        assertThat(matching().candidate(EXPERT_4, 1).assignable()).isFalse(); // at its limit of one
        assertThat(ReviewerMatching.of(assignedToThree()).candidate(EXPERT_1, 1).onCase()).isTrue();
    }

    @Test
    void expertise_counts_each_shared_scenario_two_and_each_shared_technology_one() {
        // the sample product: risk management; technologies include 大数据 (case does not matter)
        assertThat(matching().expertise(EXPERT_1)).isEqualTo(3);
        assertThat(matching().expertise(EXPERT_3)).isEqualTo(1);
        Reviewer other = new Reviewer("o", "专家o", null, "911301006789123452", "机构o", List.of(ApplicationScenario.MOBILE_BANKING),
                List.of("区块链"), 5, true);
        assertThat(matching().expertise(other)).isZero();
    }

    @Test
    void the_first_reason_an_expert_may_not_review_the_case_refuses_it() {
        Reviewer inactive = new Reviewer("i", "专家i", null, ContractSamples.VENDOR_USCC, "机构i", List.of(), List.of(), 5, false);
        assertThatThrownBy(() -> matching().requireEligible(inactive, 0)).hasMessageContaining("已停用");
        assertThatThrownBy(() -> matching().requireEligible(FROM_VENDOR, 9))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.CONFLICT_OF_INTEREST));
        assertThatThrownBy(() -> ReviewerMatching.of(assignedToThree()).requireEligible(EXPERT_1, 0)).hasMessageContaining("已分配过");
        assertThatThrownBy(() -> matching().requireEligible(EXPERT_4, 1)).hasMessageContaining("同时评审上限 1");
        matching().requireEligible(EXPERT_1, 4);
    }

    @Test
    void choosing_prefers_expertise_then_the_least_loaded_then_the_id_and_skips_who_may_not_review() {
        // r4 matches best but is at its limit; r1 matches; r2 and r3 fill by load then id
        assertThat(matching().choose(List.of(EXPERT_4, EXPERT_3, EXPERT_2, EXPERT_1, FROM_VENDOR), Map.of("r1", 3, "r4", 1)))
                .extracting(Reviewer::id).containsExactly("r1", "r2", "r3");
        // same expertise: the less loaded first
        assertThat(matching().choose(List.of(EXPERT_2, EXPERT_3, EXPERT_1, EXPERT_4), Map.of("r1", 2, "r4", 0)))
                .extracting(Reviewer::id).containsExactly("r4", "r1", "r2");
        // a full case needs nobody
        assertThat(ReviewerMatching.of(assignedToThree()).choose(List.of(EXPERT_4), Map.of())).isEmpty();
        assertThatThrownBy(() -> matching().choose(List.of(EXPERT_1, FROM_VENDOR, FROM_APPLICANT), Map.of()))
                .isInstanceOfSatisfying(ReviewRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(ReviewRefused.Reason.NO_CANDIDATES);
                    assertThat(e.getMessage()).contains("还需 3 位").contains("只有 1 位");
                });
    }
}
