package org.qingdan.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the UI writes names, sizes and the fields errors point at. */
class UiTextTest {

    @Test
    void chinese_names_in_chinese_order_others_as_the_issuer_wrote_them() {
        // Keycloak's name claim is "given family": 四 专家
        assertThat(UiUser.displayName("专家", "四", "四 专家", "expert-4")).isEqualTo("专家四");
        assertThat(UiUser.displayName("Smith", "Jane", "Jane Smith", "jane")).isEqualTo("Jane Smith");
        assertThat(UiUser.displayName(null, null, null, "office")).isEqualTo("office");
    }

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
