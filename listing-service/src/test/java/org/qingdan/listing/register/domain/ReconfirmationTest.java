package org.qingdan.listing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The yearly re-confirmation (年度确认): due a year after listing or the last confirmation, flagged once when overdue. */
class ReconfirmationTest {

    static final Instant LISTED_AT = ListingTest.AFTER_NOTICE;

    @Test
    void due_a_year_after_listing_confirmed_from_thirty_days_before_and_then_a_year_after_the_confirmation() {
        Listing l = ListingTest.listed("y1");
        Instant due = l.reconfirmDueAt();
        assertThat(due).isEqualTo(Instant.parse("2027-11-08T00:00:00Z"));
        assertThat(l.lastConfirmedAt()).isNull();
        assertThatThrownBy(() -> l.reconfirm(true, true, true, null, due.minus(Duration.ofDays(31))))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("not-yet-due"));
        Instant at = due.minus(Duration.ofDays(10));
        Listing.Outcome confirmed = l.reconfirm(true, true, true, "运行正常", at);
        assertThat(confirmed.listing().lastConfirmedAt()).isEqualTo(at);
        assertThat(confirmed.listing().reconfirmDueAt()).isEqualTo(Reconfirmation.dueAfter(at));
        assertThat(confirmed.listing().pendingEdition()).isNull(); // the list itself does not change
        assertThat(confirmed.listing().history()).last().extracting(HistoryEntry::type).isEqualTo("RECONFIRMED");
        assertThat(confirmed.events()).singleElement().isInstanceOf(RegisterEvent.Reconfirmed.class);
    }

    @Test
    void each_statement_must_be_confirmed_naming_its_field() {
        Listing l = ListingTest.listed("y2");
        Instant at = l.reconfirmDueAt();
        assertRefused(() -> l.reconfirm(false, true, true, null, at), "inProduction");
        assertRefused(() -> l.reconfirm(true, null, true, null, at), "noUnreportedIncident");
        assertRefused(() -> l.reconfirm(true, true, false, null, at), "selfAssessmentAccurate");
        assertThatThrownBy(() -> ListingTest.noticed("y3").reconfirm(true, true, true, null, at))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("not-listed"));
    }

    @Test
    void overdue_is_flagged_once_per_anniversary() {
        Listing l = ListingTest.listed("y4");
        Instant due = l.reconfirmDueAt();
        assertThat(l.flagOverdue(due.minusSeconds(1)).changed()).isFalse();
        Listing.Outcome flagged = l.flagOverdue(due.plusSeconds(1));
        assertThat(flagged.events()).singleElement().isInstanceOfSatisfying(RegisterEvent.ReconfirmationOverdue.class,
                e -> assertThat(e.dueAt()).isEqualTo(due));
        assertThat(flagged.listing().flagOverdue(due.plus(Duration.ofDays(3))).changed()).isFalse();
        // confirmed late: the next anniversary is flagged again when it comes
        Listing confirmed = flagged.listing().reconfirm(true, true, true, null, due.plus(Duration.ofDays(5))).listing();
        assertThat(confirmed.flagOverdue(due.plus(Duration.ofDays(6))).changed()).isFalse();
        assertThat(confirmed.flagOverdue(confirmed.reconfirmDueAt().plusSeconds(1)).changed()).isTrue();
    }

    static void assertRefused(Runnable command, String field) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ListingRefused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo("must-confirm");
        });
    }
}
