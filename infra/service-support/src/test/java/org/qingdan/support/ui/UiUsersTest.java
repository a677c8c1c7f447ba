package org.qingdan.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the web UIs write a user's name. */
class UiUsersTest {

    @Test
    void chinese_names_in_chinese_order_others_as_the_issuer_wrote_them() {
        // Keycloak's name claim is "given family": 四 专家
        assertThat(UiUsers.displayName("专家", "四", "四 专家", "expert-4")).isEqualTo("专家四");
        assertThat(UiUsers.displayName("Smith", "Jane", "Jane Smith", "jane")).isEqualTo("Jane Smith");
        assertThat(UiUsers.displayName(null, null, null, "office")).isEqualTo("office");
    }
}
