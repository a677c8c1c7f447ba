package org.qingdan.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PausePolicyTest {

    @Test
    void an_active_subscriber_is_paused_at_its_nth_failure_in_a_row_and_only_once() {
        PausePolicy policy = new PausePolicy(3);
        assertThat(policy.pauses(SubscriptionStatus.ACTIVE, 2)).isFalse();
        assertThat(policy.pauses(SubscriptionStatus.ACTIVE, 3)).isTrue();
        assertThat(policy.pauses(SubscriptionStatus.ACTIVE, 7)).isTrue();
        assertThat(policy.pauses(SubscriptionStatus.PAUSED, 7)).isFalse();
        assertThatThrownBy(() -> new PausePolicy(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_office_owns_a_subscriber_without_an_organisation_and_hears_of_its_pause_a_member_in_its_own_inbox() {
        Subscription office = new Subscription("s1", "https://x.cn/h", java.util.List.of("*"), null, "k", SubscriptionStatus.ACTIVE, 0,
                null, null, java.time.Instant.now(), "office", null);
        Subscription member = new Subscription("s2", "https://x.cn/h", java.util.List.of("listing.product-delisted.v1"), null, "k",
                SubscriptionStatus.PAUSED, 5, "http-5xx", null, java.time.Instant.now(), "a", "91100000100003962T");
        assertThat(office.office()).isTrue();
        assertThat(office.ownerInbox()).isEqualTo("role:office");
        assertThat(office.wants("listing.product-listed.v1")).isTrue();
        assertThat(member.ownerInbox()).isEqualTo("org:91100000100003962T");
        assertThat(member.paused()).isTrue();
        assertThat(member.wants("listing.product-listed.v1")).isFalse();
    }
}
