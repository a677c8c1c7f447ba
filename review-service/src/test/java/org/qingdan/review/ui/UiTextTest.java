package org.qingdan.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the UI writes sizes and the fields errors point at (names: service-support's UiUsersTest). */
class UiTextTest {

    @Test
    void sizes_for_people() {
        assertThat(ReviewUiController.humanSize(512)).isEqualTo("512 B");
        assertThat(ReviewUiController.humanSize(102_400)).isEqualTo("100 KB");
        assertThat(ReviewUiController.humanSize(5_452_595)).isEqualTo("5.2 MB");
    }

    @Test
    void each_field_of_a_review_leads_to_its_input() {
        assertThat(UiErrors.anchor("ratings.RISK_CONTROL")).isEqualTo("rating_RISK_CONTROL");
        assertThat(UiErrors.anchor("exclusionsFound.FRAUD")).isEqualTo("exclusion_FRAUD_yes");
        assertThat(UiErrors.anchor("dimensionComments.LEGAL_COMPLIANCE")).isEqualTo("evidence_LEGAL_COMPLIANCE");
        assertThat(UiErrors.anchor("eligibilityConfirmed")).isEqualTo("eligibility-yes");
        assertThat(UiErrors.anchor("recommend")).isEqualTo("recommend-yes");
        assertThat(UiErrors.anchor("orgUscc")).isEqualTo("orgUscc");
    }
}
