package org.qingdan.review.reviewcase.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.CallSummary;
import org.qingdan.contracts.review.ReviewCompleted;
import org.qingdan.contracts.samples.ContractSamples;
import org.qingdan.review.reviewcase.domain.Call;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.testing.ReviewFixtures;
import org.qingdan.testsupport.RecordCopies;

class CallAdapterTest {

    @Test
    void a_call_comes_back_from_the_case_equal() {
        CallSummary call = new CallSummary("call-2026", "2026年度征集", 2026, 7, 3);
        assertThat(CallAdapter.toDomain(call)).isEqualTo(new Call("call-2026", "2026年度征集", 2026, 7, 3));
        assertThat(CallAdapter.toContract(CallAdapter.toDomain(call))).isEqualTo(call);
        assertThat(CallAdapter.toContract(CallAdapter.toDomain(new CallSummary(null, null, 0, 0, 0)))).isEqualTo(new CallSummary(null, null, 0, 0, 0));
        assertThat(CallAdapter.toDomain(null)).isNull();
    }

    @Test
    void review_completed_hands_the_call_on_as_the_application_brought_it() {
        ReviewCase c = ReviewFixtures.assigned(ReviewFixtures.opened("app-1", ReviewFixtures.NOW), ReviewFixtures.R1, ReviewFixtures.R2,
                ReviewFixtures.R3);
        for (String r : List.of("r1", "r2", "r3")) {
            c = ReviewFixtures.submitted(c, r);
        }
        ReviewCase.Outcome decided = c.decide(true, List.of("一致推荐"), "committee", ReviewFixtures.NOW);
        ReviewCase.Event completed = decided.events().stream().filter(e -> e instanceof ReviewCase.Event.Completed).findFirst().orElseThrow();
        var event = (ReviewCompleted) ReviewEventsAdapter.toContract(completed, decided.reviewCase(), 9, ReviewFixtures.NOW);
        assertThat(event.call()).isEqualTo(ContractSamples.CALL);
    }

    /** A field the contract gains must be kept by the case too (or left out on purpose, here). */
    @Test
    void the_cases_call_has_the_contracts_fields_with_the_same_names() {
        assertThat(RecordCopies.differences(Call.class, CallSummary.class)).isEmpty();
    }
}
