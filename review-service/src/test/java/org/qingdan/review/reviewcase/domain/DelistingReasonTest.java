package org.qingdan.review.reviewcase.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.listing.ProductDelisted;

class DelistingReasonTest {

    /** The adapters map by name both ways: a reason the contract lacks (or the case lacks) would fail at the first event. */
    @Test
    void the_cases_reasons_are_the_contracts_by_name_and_label() {
        assertThat(Arrays.stream(DelistingReason.values()).map(r -> r.name() + " " + r.label()))
                .containsExactlyElementsOf(Arrays.stream(ProductDelisted.DelistingReason.values()).map(r -> r.name() + " " + r.label()).toList());
    }
}
