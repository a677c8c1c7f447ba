package org.qingdan.listing.announcement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qingdan.listing.register.domain.ListingRefused;

class AnnouncementRulesTest {

    @Test
    void an_announcement_is_final_when_its_china_day_and_the_time_to_amend_are_over() {
        LocalDate day = LocalDate.of(2026, 12, 2);
        assertThat(Announcement.dayStart(day)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(Announcement.finalAt(day, Duration.ofDays(1))).isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
        assertThat(Announcement.finalAt(day, Duration.ZERO)).isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
    }

    @Test
    void the_office_additions_are_one_line_within_their_length_and_blank_is_none() {
        assertThat(Announcement.clean("  冀金协〔2026〕21号 ", " ")).isEqualTo(new Announcement.Additions("冀金协〔2026〕21号", null));
        assertThat(Announcement.clean(null, "专委会办公室 0311-86000000").contact()).isEqualTo("专委会办公室 0311-86000000");
        assertThat(Announcement.clean("号".repeat(Announcement.MAX_DOCUMENT_NUMBER), null).documentNumber()).hasSize(50);
        assertThatThrownBy(() -> Announcement.clean("号".repeat(51), null)).isInstanceOfSatisfying(ListingRefused.class,
                e -> assertThat(e.field() + " " + e.rule()).isEqualTo("documentNumber max-length"));
        assertThatThrownBy(() -> Announcement.clean(null, "第一行\n第二行")).isInstanceOfSatisfying(ListingRefused.class,
                e -> assertThat(e.field() + " " + e.rule()).isEqualTo("contact single-line"));
    }

    @Test
    void kinds_by_their_url_name() {
        assertThat(AnnouncementKind.bySlug("public-notice")).contains(AnnouncementKind.PUBLIC_NOTICE);
        assertThat(AnnouncementKind.bySlug("delisting")).contains(AnnouncementKind.DELISTING);
        assertThat(AnnouncementKind.bySlug("DELISTING")).isEmpty();
    }
}
