package org.qingdan.listing.change.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.form.Uscc;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.listing.register.domain.ListingRefused;

/** A major change of the enterprise (Art. 12 (二)): what a report needs, USCCs checked like every USCC, one decision. */
class EnterpriseChangeTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

    static EnterpriseChange report(EnterpriseChangeKind kind, String name, String uscc) {
        return EnterpriseChange.report("c1", "l1", "智能风控平台", "91110108551385082Q", "北京智信科技有限公司", "vendor-x", kind,
                "经核准变更", LocalDate.of(2026, 11, 1), name, uscc, NOW);
    }

    @Test
    void a_name_or_uscc_change_carries_its_new_value_checked_like_every_uscc() {
        assertRefused(() -> report(EnterpriseChangeKind.NAME, null, null), "newEnterpriseName", "required");
        assertRefused(() -> report(EnterpriseChangeKind.USCC, null, null), "newEnterpriseUscc", "required");
        assertRefused(() -> report(EnterpriseChangeKind.USCC, null, "91110000100003962A"), "newEnterpriseUscc", Uscc.RULE_CHECK);
        assertRefused(() -> report(EnterpriseChangeKind.USCC, null, "9111000010000396"), "newEnterpriseUscc", Uscc.RULE_FORMAT);
        assertThat(report(EnterpriseChangeKind.USCC, null, "91100000100003962t").newEnterpriseUscc()).isEqualTo("91100000100003962T");
        assertRefused(() -> report(null, null, null), "kind", "required");
        assertRefused(() -> EnterpriseChange.report("c1", "l1", "p", "o", "n", "u", EnterpriseChangeKind.CHANGE_OF_CONTROL, " ",
                LocalDate.of(2026, 11, 1), null, null, NOW), "description", "required");
        assertRefused(() -> EnterpriseChange.report("c1", "l1", "p", "o", "n", "u", EnterpriseChangeKind.CHANGE_OF_CONTROL, "x",
                null, null, null, NOW), "effectiveOn", "required");
    }

    @Test
    void decided_once_accept_delist_or_re_review() {
        EnterpriseChange reported = report(EnterpriseChangeKind.BANKRUPTCY_OR_DEREGISTRATION, null, null);
        assertThat(reported.status()).isEqualTo(EnterpriseChange.Status.REPORTED);
        EnterpriseChange accepted = reported.accepted("已核实", "office", NOW);
        assertThat(accepted.status()).isEqualTo(EnterpriseChange.Status.ACCEPTED);
        assertThatThrownBy(() -> accepted.delisted("x", "office", NOW))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("already-decided"));
        assertRefused(() -> reported.accepted(" ", "office", NOW), "note", "required");
        EnterpriseChange inReview = reported.reReviewOpened("rc-c1", "需复核", "office", NOW);
        assertThat(inReview.reReviewOpened("rc-c1", "需复核", "office", NOW)).isSameAs(inReview);
        assertThat(inReview.concluded(true).status()).isEqualTo(EnterpriseChange.Status.KEPT);
        assertThat(reported.brief("需复核").description()).startsWith("破产或注销：");
    }

    static void assertRefused(Runnable command, String field, String rule) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ListingRefused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
