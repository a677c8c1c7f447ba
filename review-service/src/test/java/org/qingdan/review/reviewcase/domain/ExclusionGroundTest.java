package org.qingdan.review.reviewcase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExclusionGroundTest {

    /** The adapters map by name: a ground the contract lacks (or the case lacks) would fail at the first event. */
    @Test
    void the_cases_grounds_are_the_contracts_by_name_and_label() {
        assertThat(Arrays.stream(ExclusionGround.values()).map(g -> g.name() + " " + g.label()))
                .containsExactlyElementsOf(Arrays.stream(org.qingdan.contracts.form.ExclusionGround.values())
                        .map(g -> g.name() + " " + g.label()).toList());
    }
}
