package org.qingdan.application.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;

/** The lifecycle and the events each transition raises. */
class ApplicationTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final Actor APPLICANT = new Actor("sub-1", "张三");
    static final Actor OFFICE = new Actor("sub-office", "办公室");
    static final Set<String> FILES = Set.of("f-patent", "f-report", "f-signed");
    static final java.time.Duration PERIOD = java.time.Duration.ofDays(15);

    static final Actor VENDOR_USER = new Actor("sub-vendor", "李四");

    /** A complete draft whose participant (the vendor) confirmed its role, as submission needs (Art. 8). */
    static Application draft() {
        return Application.draft("app-1", "call-1", Forms.ORG_A, Forms.ORG_A_NAME, Forms.complete(Forms.files()), APPLICANT, NOW)
                .confirmParticipation(Forms.VENDOR, null, VENDOR_USER, NOW);
    }

    @Test
    void submitting_a_complete_draft_raises_submitted_with_version_one() {
        Application.Outcome outcome = draft().submit(Optional.empty(), FILES, APPLICANT, NOW);
        assertThat(outcome.application().status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(outcome.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.Submitted.class,
                s -> assertThat(s.version().number()).isEqualTo(1));
        assertThat(outcome.application().audit()).extracting(AuditEntry::action).containsExactly("CREATED", "PARTICIPANT_CONFIRMED", "SUBMITTED");
    }

    @Test
    void a_recused_reviewer_reads_no_more_and_an_unknown_one_changes_nothing() {
        Application assigned = draft().reviewerAssigned("r1").reviewerAssigned("r2");
        Application recused = assigned.reviewerRecused("r2");
        assertThat(recused.assignedReviewers()).containsExactly("r1");
        // redelivered, or a reviewer never assigned here: the same application, nothing to write
        assertThat(recused.reviewerRecused("r2")).isSameAs(recused);
        assertThat(recused.reviewerRecused("r9")).isSameAs(recused);
    }

    @Test
    void a_submission_into_a_call_that_is_not_open_is_refused_with_the_reason() {
        assertThatThrownBy(() -> draft().submit(Optional.of("征集已截止"), FILES, APPLICANT, NOW))
                .isInstanceOfSatisfying(ApplicationRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.CALL_NOT_OPEN);
                    assertThat(e.getMessage()).isEqualTo("征集已截止");
                });
    }

    @Test
    void an_incomplete_draft_is_refused_with_every_violation_and_nothing_changes() {
        Application empty = Application.draft("app-2", "call-1", Forms.ORG_A, Forms.ORG_A_NAME, null, APPLICANT, NOW);
        assertThatThrownBy(() -> empty.submit(Optional.empty(), Set.of(), APPLICANT, NOW))
                .isInstanceOfSatisfying(ApplicationRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.INVALID);
                    assertThat(e.violations().size()).isGreaterThan(5);
                });
        assertThat(empty.status()).isEqualTo(ApplicationStatus.DRAFT);
    }

    @Test
    void returned_then_corrected_becomes_version_two_and_version_one_stays_readable() {
        Application submitted = draft().submit(Optional.empty(), FILES, APPLICANT, NOW).application();
        Application.Outcome returned = submitted.returnForCorrection(
                List.of(new CorrectionComment("product.name", "请去掉品牌信息")), PERIOD, OFFICE, NOW);
        assertThat(returned.events()).singleElement().isInstanceOf(ApplicationEvent.ReturnedForCorrection.class);
        assertThat(returned.application().status()).isEqualTo(ApplicationStatus.RETURNED);

        // the call may have closed meanwhile: a correction is not a new submission
        Application.Outcome resubmitted = returned.application().submit(Optional.of("征集已截止"), FILES, APPLICANT, NOW);
        assertThat(resubmitted.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.Resubmitted.class, r -> {
            assertThat(r.version().number()).isEqualTo(2);
            assertThat(r.previousVersion()).isEqualTo(1);
        });
        assertThat(resubmitted.application().version(1)).isPresent();
        assertThat(resubmitted.application().corrections()).isEmpty();
    }

    @Test
    void accept_raises_accepted_for_the_current_version() {
        Application submitted = draft().submit(Optional.empty(), FILES, APPLICANT, NOW).application();
        Application.Outcome accepted = submitted.accept(OFFICE, NOW);
        assertThat(accepted.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.Accepted.class,
                a -> assertThat(a.formVersion()).isEqualTo(1));
        assertThatThrownBy(() -> accepted.application().accept(OFFICE, NOW)).isInstanceOfSatisfying(ApplicationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.WRONG_STATE));
    }

    @Test
    void withdrawal_needs_a_reason_and_is_possible_until_the_decision() {
        Application accepted = draft().submit(Optional.empty(), FILES, APPLICANT, NOW).application().accept(OFFICE, NOW).application();
        assertThatThrownBy(() -> accepted.withdraw(" ", APPLICANT, NOW)).isInstanceOf(ApplicationRefused.class);
        Application.Outcome withdrawn = accepted.withdraw("产品升级，下次再报", APPLICANT, NOW);
        // accepted: the review case decides between the withdrawal and the decision
        assertThat(withdrawn.application().status()).isEqualTo(ApplicationStatus.WITHDRAWAL_REQUESTED);
        assertThat(withdrawn.events()).singleElement().isInstanceOf(ApplicationEvent.Withdrawn.class);
        assertThatThrownBy(() -> withdrawn.application().withdraw("再撤一次", APPLICANT, NOW)).isInstanceOf(ApplicationRefused.class);
        // the case closed first: withdrawn, and a decision arriving after changes nothing
        Application confirmed = withdrawn.application().withdrawalConfirmed(NOW);
        assertThat(confirmed.status()).isEqualTo(ApplicationStatus.WITHDRAWN);
        assertThat(confirmed.decided(true, NOW)).isEqualTo(confirmed);
        // the decision came first: it stands, and a confirmation cannot follow it
        Application decidedFirst = withdrawn.application().decided(true, NOW);
        assertThat(decidedFirst.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(decidedFirst.withdrawalConfirmed(NOW)).isEqualTo(decidedFirst);
        // before acceptance no case exists: the withdrawal takes effect at once
        Application submitted = draft().submit(Optional.empty(), FILES, APPLICANT, NOW).application();
        assertThat(submitted.withdraw("不报了", APPLICANT, NOW).application().status()).isEqualTo(ApplicationStatus.WITHDRAWN);

        Application decided = accepted.decided(true, NOW);
        assertThatThrownBy(() -> decided.withdraw("太晚了", APPLICANT, NOW)).isInstanceOfSatisfying(ApplicationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.WRONG_STATE));
    }

    @Test
    void withdrawing_a_draft_nobody_saw_raises_no_event() {
        assertThat(draft().withdraw("不报了", APPLICANT, NOW).events()).isEmpty();
    }

    @Test
    void an_inadmissible_answer_refuses_the_submission() {
        var f = Forms.complete(Forms.files());
        var s = f.selfAssessment();
        var violating = new ApplicationForm(f.applicant(), f.contact(), f.participants(), f.enterprise(), f.product(),
                new ApplicationForm.SelfAssessment(new ApplicationForm.LegalCompliance(true, false, true, s.legalCompliance().rating()),
                        s.financialInnovation(), s.riskControl(), s.afterSalesService()),
                f.operationalEvaluation(), f.supportingMaterials(), f.eligibility(), f.opinion(), f.commitment());
        Application app = draft().editDraft(violating, APPLICANT, NOW);
        assertThatThrownBy(() -> app.submit(Optional.empty(), FILES, APPLICANT, NOW)).isInstanceOfSatisfying(ApplicationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.INADMISSIBLE));
    }

    @Test
    void the_filing_date_is_set_by_the_system_at_submission_in_china_time_and_per_version() {
        // 2026-11-27 17:30 UTC is 2026-11-28 01:30 in Beijing: the filing date is the Chinese calendar day
        Instant lateEvening = Instant.parse("2026-11-27T17:30:00Z");
        Application submitted = draft().submit(Optional.empty(), FILES, APPLICANT, lateEvening).application();
        assertThat(submitted.currentVersion().filingDate()).isEqualTo(java.time.LocalDate.parse("2026-11-28"));
        Application returned = submitted.returnForCorrection(List.of(new CorrectionComment("product.name", "请修改")), PERIOD, OFFICE,
                lateEvening).application();
        Instant later = Instant.parse("2026-12-03T04:00:00Z");
        Application.Outcome resubmitted = returned.submit(Optional.empty(), FILES, APPLICANT, later);
        assertThat(resubmitted.application().version(1).orElseThrow().filingDate()).isEqualTo(java.time.LocalDate.parse("2026-11-28"));
        assertThat(resubmitted.application().version(2).orElseThrow().filingDate()).isEqualTo(java.time.LocalDate.parse("2026-12-03"));
        assertThat(resubmitted.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.Resubmitted.class,
                r -> assertThat(r.version().filingDate()).isEqualTo(java.time.LocalDate.parse("2026-12-03")));
        // a draft has none
        assertThat(draft().versions()).isEmpty();
    }

    static Application submitted() {
        return draft().submit(Optional.empty(), FILES, APPLICANT, NOW).application();
    }

    @Test
    void art11_the_formal_check_refuses_with_a_reason_and_that_is_final() {
        assertThatThrownBy(() -> submitted().refuse("  ", OFFICE, NOW)).isInstanceOfSatisfying(ApplicationRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.INVALID);
            assertThat(e.ruleViolations()).extracting(RuleViolation::field, RuleViolation::rule).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("reason", "required"));
        });
        assertThatThrownBy(() -> submitted().refuse("理".repeat(Application.MAX_REASON + 1), OFFICE, NOW))
                .isInstanceOf(ApplicationRefused.class);
        Application.Outcome refused = submitted().refuse("申报单位不是协会会员单位，不符合第七条", OFFICE, NOW);
        Application done = refused.application();
        assertThat(done.status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
        assertThat(done.status().label()).isEqualTo("不予受理");
        assertThat(done.notAcceptedReason()).isEqualTo("申报单位不是协会会员单位，不符合第七条");
        assertThat(refused.events()).singleElement().isEqualTo(
                new ApplicationEvent.NotAccepted(1, "申报单位不是协会会员单位，不符合第七条", false, OFFICE, NOW));
        assertThat(done.audit()).extracting(AuditEntry::action).endsWith("NOT_ACCEPTED");
        // final: nothing follows
        assertThatThrownBy(() -> done.accept(OFFICE, NOW)).isInstanceOfSatisfying(ApplicationRefused.class,
                e -> assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.WRONG_STATE));
        assertThatThrownBy(() -> done.refuse("再次", OFFICE, NOW)).isInstanceOf(ApplicationRefused.class);
        assertThatThrownBy(() -> done.submit(Optional.empty(), FILES, APPLICANT, NOW)).isInstanceOf(ApplicationRefused.class);
        assertThatThrownBy(() -> done.editDraft(done.draft(), APPLICANT, NOW)).isInstanceOf(ApplicationRefused.class);
        assertThatThrownBy(() -> done.withdraw("撤回", APPLICANT, NOW)).isInstanceOf(ApplicationRefused.class);
        assertThatThrownBy(() -> done.returnForCorrection(List.of(new CorrectionComment("x", "y")), PERIOD, OFFICE, NOW))
                .isInstanceOf(ApplicationRefused.class);
        // only a submitted application is refused: a draft nobody submitted is not the office's to refuse
        assertThatThrownBy(() -> draft().refuse("不符合", OFFICE, NOW)).isInstanceOf(ApplicationRefused.class);
    }

    @Test
    void art11_a_return_for_correction_carries_its_deadline_and_a_correction_in_time_clears_it() {
        Application.Outcome returned = submitted().returnForCorrection(List.of(new CorrectionComment("product.name", "请修改")),
                PERIOD, OFFICE, NOW);
        Instant due = NOW.plus(PERIOD);
        assertThat(returned.application().correctionDueAt()).isEqualTo(due);
        assertThat(returned.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.ReturnedForCorrection.class,
                r -> assertThat(r.correctionDueAt()).isEqualTo(due));
        // the applicant edits: the deadline stays; a corrected submission before it clears it
        Application edited = returned.application().editDraft(returned.application().draft(), APPLICANT, NOW.plusSeconds(60));
        assertThat(edited.correctionDueAt()).isEqualTo(due);
        Application corrected = edited.submit(Optional.empty(), FILES, APPLICANT, due.minusSeconds(1)).application();
        assertThat(corrected.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(corrected.correctionDueAt()).isNull();
        assertThat(corrected.lapse(due.plusSeconds(86400)).events()).isEmpty();
    }

    @Test
    void art11_an_uncorrected_application_lapses_into_not_accepted_when_the_deadline_passes_once() {
        Application returned = submitted().returnForCorrection(List.of(new CorrectionComment("product.name", "请修改")),
                PERIOD, OFFICE, NOW).application();
        Instant due = NOW.plus(PERIOD);
        // before the deadline nothing happens
        Application.Outcome early = returned.lapse(due.minusSeconds(1));
        assertThat(early.application()).isEqualTo(returned);
        assertThat(early.events()).isEmpty();
        // at the deadline it lapses, by the system, with the reason
        Application.Outcome lapsed = returned.lapse(due);
        assertThat(lapsed.application().status()).isEqualTo(ApplicationStatus.NOT_ACCEPTED);
        assertThat(lapsed.application().correctionDueAt()).isNull();
        assertThat(lapsed.application().notAcceptedReason()).startsWith("逾期未补正").contains("2026-12-13 10:00");
        assertThat(lapsed.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.NotAccepted.class, n -> {
            assertThat(n.lapsed()).isTrue();
            assertThat(n.by()).isEqualTo(Application.SYSTEM);
            assertThat(n.formVersion()).isEqualTo(1);
        });
        assertThat(lapsed.application().audit()).extracting(AuditEntry::action).endsWith("LAPSED");
        // once: a second look changes nothing and raises nothing
        Application.Outcome again = lapsed.application().lapse(due.plusSeconds(3600));
        assertThat(again.application()).isEqualTo(lapsed.application());
        assertThat(again.events()).isEmpty();
        // a withdrawn one does not lapse
        Application withdrawn = returned.withdraw("不再申报", APPLICANT, NOW).application();
        assertThat(withdrawn.lapse(due.plusSeconds(1)).events()).isEmpty();
    }
}
