package org.qingdan.listing.register.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The public history names the body behind each step (Art. 11, 12), never a person. */
class ActingBodyTest {

    static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    static HistoryEntry step(String type) {
        return new HistoryEntry(NOW, type, "摘要", null);
    }

    @Test
    void each_step_is_the_committees_the_offices_a_members_or_the_enterprises() {
        assertThat(ActingBody.of(step("PUBLIC_NOTICE_STARTED"), null)).isEqualTo(ActingBody.COMMITTEE);
        assertThat(ActingBody.of(step("OBJECTION_LODGED"), null)).isEqualTo(ActingBody.MEMBER);
        assertThat(ActingBody.of(step("OBJECTION_DISMISSED"), null)).isEqualTo(ActingBody.OFFICE);
        assertThat(ActingBody.of(step("OBJECTION_UPHELD"), null)).isEqualTo(ActingBody.OFFICE);
        assertThat(ActingBody.of(step("LISTED"), null)).isEqualTo(ActingBody.OFFICE);
        Delisting art12 = new Delisting(DelistingReason.MAJOR_DEFECT, null, "重大缺陷", null, NOW, "office");
        Delisting voluntary = new Delisting(DelistingReason.VOLUNTARY_WITHDRAWAL, null, "自愿退出", null, NOW, "office");
        assertThat(ActingBody.of(step("DELISTED"), art12)).isEqualTo(ActingBody.OFFICE);
        // the enterprise's request, even when the office records it
        assertThat(ActingBody.of(step("DELISTED"), voluntary)).isEqualTo(ActingBody.ENTERPRISE);
        assertThat(ActingBody.of(step("RECONFIRMED"), null)).isEqualTo(ActingBody.LEAD_APPLICANT);
        assertThat(ActingBody.OFFICE.label()).isEqualTo("专委会办公室");
    }
}
