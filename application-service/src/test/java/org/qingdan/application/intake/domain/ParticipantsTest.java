package org.qingdan.application.intake.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.qingdan.application.Forms;

/** Art. 8, Annex 2 §1: every participant confirms its current role online before the lead may submit. */
class ParticipantsTest {

    static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
    static final Actor LEAD = new Actor("sub-1", "张三");
    static final Actor VENDOR_USER = new Actor("sub-vendor", "李四");
    static final Actor PARTNER_USER = new Actor("sub-partner", "王五");
    static final Set<String> FILES = Set.of("f-patent", "f-report", "f-signed");

    static Application fresh() {
        return Application.draft("app-1", "call-1", Forms.ORG_A, Forms.ORG_A_NAME, Forms.complete(Forms.files()), LEAD, NOW);
    }

    static ApplicationForm withParticipants(ApplicationForm form, List<ApplicationForm.Participant> participants) {
        return new ApplicationForm(form.applicant(), form.contact(), participants, form.enterprise(), form.product(),
                form.selfAssessment(), form.operationalEvaluation(), form.supportingMaterials(), form.eligibility(), form.opinion(),
                form.commitment());
    }

    static ApplicationForm.Participant vendor(String role) {
        return new ApplicationForm.Participant(Forms.VENDOR_NAME, Forms.VENDOR, role, false, false);
    }

    @Test
    void naming_participants_asks_each_once_and_only_anew_when_its_role_changes() {
        List<ApplicationEvent> first = Application.named(ApplicationForm.empty(), Forms.complete(Forms.files()), LEAD, NOW);
        assertThat(first).singleElement().isInstanceOfSatisfying(ApplicationEvent.ParticipantNamed.class, n -> {
            assertThat(n.uscc()).isEqualTo(Forms.VENDOR);
            assertThat(n.role()).isEqualTo("产品研发、测试与运维");
        });
        Application app = fresh();
        // saved again unchanged: nobody is asked again
        assertThat(app.edit(app.draft(), LEAD, NOW).events()).isEmpty();
        // the role changed: asked again
        ApplicationForm changed = withParticipants(app.draft(), List.of(vendor("产品研发")));
        assertThat(app.edit(changed, LEAD, NOW).events()).singleElement().isInstanceOf(ApplicationEvent.ParticipantNamed.class);
        // a row without a valid USCC or a role is not asked yet
        ApplicationForm partial = withParticipants(app.draft(), List.of(vendor("产品研发、测试与运维"),
                new ApplicationForm.Participant("某银行", "123", "场景", true, true),
                new ApplicationForm.Participant("某银行", Forms.PARTNER_BANK, " ", true, true)));
        assertThat(app.edit(partial, LEAD, NOW).events()).isEmpty();
    }

    @Test
    void submission_is_refused_naming_each_unconfirmed_participant_until_all_confirmed_the_current_roles() {
        Application app = fresh();
        List<ApplicationForm.Participant> two = new ArrayList<>(app.draft().participants());
        two.add(new ApplicationForm.Participant("丙银行股份有限公司", Forms.PARTNER_BANK, "提供应用场景", true, false));
        Application both = app.edit(withParticipants(app.draft(), two), LEAD, NOW).application();

        assertThatThrownBy(() -> both.submit(Optional.empty(), FILES, LEAD, NOW)).isInstanceOfSatisfying(ApplicationRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.PARTICIPANTS_UNCONFIRMED);
            assertThat(e.ruleViolations()).extracting(RuleViolation::field).containsExactly("participants[0]", "participants[1]");
            assertThat(e.ruleViolations()).extracting(RuleViolation::rule).containsOnly("participant-unconfirmed");
            assertThat(e.ruleViolations().get(1).message()).contains("丙银行股份有限公司", Forms.PARTNER_BANK, "提供应用场景");
        });

        Application oneConfirmed = both.confirmParticipation(Forms.VENDOR, "产品研发、测试与运维", VENDOR_USER, NOW);
        assertThatThrownBy(() -> oneConfirmed.submit(Optional.empty(), FILES, LEAD, NOW)).isInstanceOfSatisfying(ApplicationRefused.class,
                e -> assertThat(e.ruleViolations()).extracting(RuleViolation::field).containsExactly("participants[1]"));

        Application all = oneConfirmed.confirmParticipation(Forms.PARTNER_BANK, null, PARTNER_USER, NOW);
        Application.Outcome submitted = all.submit(Optional.empty(), FILES, LEAD, NOW);
        assertThat(submitted.application().status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(submitted.application().audit()).extracting(AuditEntry::action)
                .containsSubsequence("PARTICIPANT_CONFIRMED", "PARTICIPANT_CONFIRMED", "SUBMITTED");
    }

    @Test
    void changing_a_role_or_naming_again_resets_that_participants_confirmation_only() {
        Application app = fresh();
        List<ApplicationForm.Participant> two = new ArrayList<>(app.draft().participants());
        two.add(new ApplicationForm.Participant("丙银行股份有限公司", Forms.PARTNER_BANK, "提供应用场景", true, false));
        Application confirmed = app.edit(withParticipants(app.draft(), two), LEAD, NOW).application()
                .confirmParticipation(Forms.VENDOR, null, VENDOR_USER, NOW)
                .confirmParticipation(Forms.PARTNER_BANK, null, PARTNER_USER, NOW);
        assertThat(confirmed.unconfirmedParticipants()).isEmpty();

        // the vendor's role changes: its confirmation no longer counts; the bank's stands
        List<ApplicationForm.Participant> changed = List.of(vendor("产品研发"), two.get(1));
        Application edited = confirmed.edit(withParticipants(confirmed.draft(), changed), LEAD, NOW).application();
        assertThat(edited.unconfirmedParticipants()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("participants[0]");
            assertThat(v.rule()).isEqualTo("participant-unconfirmed");
        });
        // changed back: the old answer was for a role since dropped, so it is asked again, not revived
        Application back = edited.edit(confirmed.draft(), LEAD, NOW).application();
        assertThat(back.unconfirmedParticipants()).extracting(RuleViolation::field).containsExactly("participants[0]");

        // removed, then named again with the same role: asked again
        Application removed = confirmed.edit(withParticipants(confirmed.draft(), List.of(two.get(0))), LEAD, NOW).application();
        Application.Outcome again = removed.edit(withParticipants(removed.draft(), two), LEAD, NOW);
        assertThat(again.events()).singleElement().isInstanceOfSatisfying(ApplicationEvent.ParticipantNamed.class,
                n -> assertThat(n.uscc()).isEqualTo(Forms.PARTNER_BANK));
        assertThat(again.application().unconfirmedParticipants()).extracting(RuleViolation::field).containsExactly("participants[1]");
    }

    @Test
    void a_participant_declines_with_a_reason_and_submission_names_the_refusal() {
        assertThatThrownBy(() -> fresh().declineParticipation(Forms.VENDOR, " ", VENDOR_USER, NOW))
                .isInstanceOfSatisfying(ApplicationRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.INVALID);
                    assertThat(e.ruleViolations()).extracting(RuleViolation::field).containsExactly("reason");
                });
        Application declined = fresh().declineParticipation(Forms.VENDOR, "未参与该产品的研发", VENDOR_USER, NOW);
        assertThat(declined.confirmationOf(Forms.VENDOR)).get().satisfies(c -> {
            assertThat(c.decision()).isEqualTo(ParticipantConfirmation.Decision.DECLINED);
            assertThat(c.reason()).isEqualTo("未参与该产品的研发");
        });
        assertThatThrownBy(() -> declined.submit(Optional.empty(), FILES, LEAD, NOW)).isInstanceOfSatisfying(ApplicationRefused.class, e -> {
            assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.PARTICIPANTS_UNCONFIRMED);
            assertThat(e.ruleViolations()).singleElement().satisfies(v -> {
                assertThat(v.rule()).isEqualTo("participant-declined");
                assertThat(v.message()).contains("未参与该产品的研发");
            });
        });
        // a repeated confirmation (a client's retry) changes nothing
        Application confirmed = fresh().confirmParticipation(Forms.VENDOR, null, VENDOR_USER, NOW);
        assertThat(confirmed.confirmParticipation(Forms.VENDOR, null, VENDOR_USER, NOW.plusSeconds(5))).isSameAs(confirmed);
        // it may change its mind while the lead holds the pen
        assertThat(declined.confirmParticipation(Forms.VENDOR, null, VENDOR_USER, NOW).unconfirmedParticipants()).isEmpty();
    }

    @Test
    void a_confirmation_for_a_role_since_changed_or_by_an_organisation_not_named_or_after_submission_is_refused() {
        assertThatThrownBy(() -> fresh().confirmParticipation(Forms.VENDOR, "别的分工", VENDOR_USER, NOW))
                .isInstanceOfSatisfying(ApplicationRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.ROLE_CHANGED);
                    assertThat(e.ruleViolations()).extracting(RuleViolation::rule).containsExactly("participant-role-changed");
                });
        assertThatThrownBy(() -> fresh().confirmParticipation(Forms.ORG_B, null, PARTNER_USER, NOW))
                .isInstanceOfSatisfying(ApplicationRefused.class, e -> assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.NOT_PARTICIPANT));
        Application submitted = fresh().confirmParticipation(Forms.VENDOR, null, VENDOR_USER, NOW)
                .submit(Optional.empty(), FILES, LEAD, NOW).application();
        assertThatThrownBy(() -> submitted.declineParticipation(Forms.VENDOR, "改变主意", VENDOR_USER, NOW))
                .isInstanceOfSatisfying(ApplicationRefused.class, e -> assertThat(e.reason()).isEqualTo(ApplicationRefused.Reason.WRONG_STATE));
    }
}
