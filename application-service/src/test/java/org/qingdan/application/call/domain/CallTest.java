package org.qingdan.application.call.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

    static Call planned() {
        return Call.plan("c1", "2026年度征集", 2026, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(30)), null, null, "office", NOW);
    }

    @Test
    void defaults_are_seven_days_of_notice_and_three_reviewers() {
        assertThat(planned().publicNoticeDays()).isEqualTo(7);
        assertThat(planned().reviewersPerApplication()).isEqualTo(3);
    }

    @Test
    void only_an_open_call_within_its_dates_takes_submissions() {
        assertThat(planned().refusesSubmissionAt(NOW)).hasValueSatisfying(r -> assertThat(r).contains("尚未开始"));
        Call open = planned().open("office", NOW).call();
        assertThat(open.refusesSubmissionAt(NOW)).isEmpty();
        assertThat(open.takesApplicationsAt(NOW)).isTrue();
        assertThat(open.refusesSubmissionAt(NOW.plus(Duration.ofDays(31)))).hasValueSatisfying(r -> assertThat(r).contains("已截止"));
        assertThat(open.takesApplicationsAt(NOW.plus(Duration.ofDays(31)))).isFalse();
        assertThat(open.close("office", NOW).call().refusesSubmissionAt(NOW)).hasValueSatisfying(r -> assertThat(r).contains("已截止"));
    }

    @Test
    void invalid_settings_name_each_field() {
        assertThatThrownBy(() -> Call.plan("c2", " ", 1999, NOW, NOW.minusSeconds(1), 0, 20, "office", NOW))
                .isInstanceOfSatisfying(Call.Refused.class, e -> assertThat(e.problems()).extracting(Call.Problem::field)
                        .containsExactlyInAnyOrder("title", "year", "closesAt", "publicNoticeDays", "reviewersPerApplication"));
    }

    @Test
    void transitions_follow_planned_open_closed() {
        assertThatThrownBy(() -> planned().close("office", NOW)).isInstanceOf(Call.Refused.class);
        assertThatThrownBy(() -> planned().open("office", NOW).call().open("office", NOW)).isInstanceOf(Call.Refused.class);
    }

    @Test
    void opening_and_closing_are_announced_events_art11() {
        Call.Transition opened = planned().open("office-1", NOW);
        assertThat(opened.call().status()).isEqualTo(Call.CallStatus.OPEN);
        assertThat(opened.event()).isEqualTo(new Call.Event.Opened("office-1", NOW));
        Call.Transition closed = opened.call().close("office-2", NOW.plusSeconds(60));
        assertThat(closed.call().status()).isEqualTo(Call.CallStatus.CLOSED);
        assertThat(closed.event()).isEqualTo(new Call.Event.Closed("office-2", NOW.plusSeconds(60)));
        assertThat(closed.call().takesApplicationsAt(NOW)).isFalse();
    }
}
