package org.qingdan.listing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.Rating;

/** The yearly re-confirmation (年度确认): due a year after listing or the last confirmation, flagged once when overdue. */
class ReconfirmationTest {

    static final Instant LISTED_AT = ListingTest.AFTER_NOTICE;

    @Test
    void due_a_year_after_listing_confirmed_from_thirty_days_before_and_then_a_year_after_the_confirmation() {
        Listing l = ListingTest.listed("y1");
        Instant due = l.reconfirmDueAt();
        assertThat(due).isEqualTo(Instant.parse("2027-11-08T00:00:00Z"));
        assertThat(l.lastConfirmedAt()).isNull();
        assertThatThrownBy(() -> l.reconfirm(true, true, true, null, null, "applicant-a", due.minus(Duration.ofDays(31))))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("not-yet-due"));
        Instant at = due.minus(Duration.ofDays(10));
        Listing.Outcome confirmed = l.reconfirm(true, true, true, null, "运行正常", "applicant-a", at);
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
        assertRefused(() -> l.reconfirm(false, true, true, null, null, "a", at), "inProduction");
        assertRefused(() -> l.reconfirm(true, null, true, null, null, "a", at), "noUnreportedIncident");
        assertRefused(() -> l.reconfirm(true, true, null, null, null, "a", at), "selfAssessmentAccurate", "required");
        assertThatThrownBy(() -> ListingTest.noticed("y3").reconfirm(true, true, true, null, null, "a", at))
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
        Listing confirmed = flagged.listing().reconfirm(true, true, true, null, null, "a", due.plus(Duration.ofDays(5))).listing();
        assertThat(confirmed.flagOverdue(due.plus(Duration.ofDays(6))).changed()).isFalse();
        assertThat(confirmed.flagOverdue(confirmed.reconfirmDueAt().plusSeconds(1)).changed()).isTrue();
    }

    static final SelfAssessmentUpdate UPDATE = new SelfAssessmentUpdate(Rating.EXCELLENT, Rating.GOOD, Rating.QUALIFIED, Rating.GOOD,
            "  运维外包后风险防控评价调为合格  ");

    @Test
    void a_self_assessment_no_longer_accurate_is_confirmed_with_all_four_ratings_and_why_kept_privately() {
        Listing l = ListingTest.listed("y5");
        Instant at = l.reconfirmDueAt().minus(Duration.ofDays(3));
        Listing.Outcome confirmed = l.reconfirm(true, true, false, UPDATE, null, "applicant-a", at);

        Reconfirmation r = confirmed.listing().reconfirmation();
        assertThat(r.lastConfirmedAt()).isEqualTo(at);
        assertThat(r.selfAssessmentUpdatedAt()).isEqualTo(at);
        assertThat(r.confirmations()).singleElement().satisfies(c -> {
            assertThat(c.selfAssessmentAccurate()).isFalse();
            assertThat(c.by()).isEqualTo("applicant-a");
            assertThat(c.selfAssessmentUpdate().riskControl()).isEqualTo(Rating.QUALIFIED);
            assertThat(c.selfAssessmentUpdate().explanation()).isEqualTo("运维外包后风险防控评价调为合格");
        });
        assertThat(confirmed.events()).singleElement().isInstanceOfSatisfying(RegisterEvent.Reconfirmed.class,
                e -> assertThat(e.selfAssessmentUpdate().summary()).isEqualTo("依法依规 优秀，金融创新 良好，风险防控 合格，售后服务 良好"));
        // the public history says the same as for an accurate self-assessment: neither the ratings nor that they changed
        HistoryEntry entry = confirmed.listing().history().get(confirmed.listing().history().size() - 1);
        assertThat(entry.summary()).isEqualTo("年度确认：产品仍在生产使用，无未报告的重大事故");
        assertThat(confirmed.listing().pendingEdition()).isNull();

        // a year later, accurate again: the history keeps both, the last update's date stays
        Instant next = confirmed.listing().reconfirmDueAt();
        Reconfirmation later = confirmed.listing().reconfirm(true, true, true, null, null, "applicant-a", next).listing().reconfirmation();
        assertThat(later.confirmations()).extracting(Reconfirmation.Confirmation::selfAssessmentAccurate).containsExactly(false, true);
        assertThat(later.selfAssessmentUpdatedAt()).isEqualTo(at);
        assertThat(later.confirmations().get(1).selfAssessmentUpdate()).isNull();
        // flagging overdue keeps them
        Listing flagged = confirmed.listing().flagOverdue(next.plusSeconds(1)).listing();
        assertThat(flagged.reconfirmation().confirmations()).hasSize(1);
        assertThat(flagged.reconfirmation().selfAssessmentUpdatedAt()).isEqualTo(at);
    }

    @Test
    void not_accurate_needs_all_four_ratings_and_the_explanation_and_accurate_takes_none_each_refusal_naming_its_field() {
        Listing l = ListingTest.listed("y6");
        Instant at = l.reconfirmDueAt();
        assertRefused(() -> l.reconfirm(true, true, false, null, null, "a", at), "updatedSelfAssessment", "required-when-not-accurate");
        assertRefused(() -> l.reconfirm(true, true, false, new SelfAssessmentUpdate(null, Rating.GOOD, Rating.GOOD, Rating.GOOD, "说明"),
                null, "a", at), "updatedSelfAssessment.legalCompliance", "required-when-not-accurate");
        assertRefused(() -> l.reconfirm(true, true, false, new SelfAssessmentUpdate(Rating.GOOD, Rating.GOOD, null, Rating.GOOD, "说明"),
                null, "a", at), "updatedSelfAssessment.riskControl", "required-when-not-accurate");
        assertRefused(() -> l.reconfirm(true, true, false, new SelfAssessmentUpdate(Rating.GOOD, Rating.GOOD, Rating.GOOD, null, "说明"),
                null, "a", at), "updatedSelfAssessment.afterSalesService", "required-when-not-accurate");
        assertRefused(() -> l.reconfirm(true, true, false, new SelfAssessmentUpdate(Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, " "),
                null, "a", at), "updatedSelfAssessment.explanation", "required-when-not-accurate");
        assertRefused(() -> l.reconfirm(true, true, false, new SelfAssessmentUpdate(Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD,
                "长".repeat(SelfAssessmentUpdate.MAX_EXPLANATION + 1)), null, "a", at), "updatedSelfAssessment.explanation", "max-length");
        assertRefused(() -> l.reconfirm(true, true, true, UPDATE, null, "a", at), "updatedSelfAssessment", "only-when-not-accurate");
        assertRefused(() -> l.reconfirm(true, true, true, new SelfAssessmentUpdate(null, null, Rating.GOOD, null, null), null, "a", at),
                "updatedSelfAssessment", "only-when-not-accurate");
        // accurate with an empty object is no update
        assertThat(l.reconfirm(true, true, true, new SelfAssessmentUpdate(null, null, null, null, ""), null, "a", at).listing()
                .reconfirmation().selfAssessmentUpdatedAt()).isNull();
    }

    static void assertRefused(Runnable command, String field) {
        assertRefused(command, field, "must-confirm");
    }

    static void assertRefused(Runnable command, String field, String rule) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ListingRefused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
