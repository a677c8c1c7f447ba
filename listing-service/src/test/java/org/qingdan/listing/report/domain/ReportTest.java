package org.qingdan.listing.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.listing.register.domain.ReReview;

/** The rules of a report on a listed product, and the facts each step raises. */
class ReportTest {

    static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");
    static final Report.Party ENTERPRISE = new Report.Party("北京智信科技有限公司", "91110108551385082Q");
    static final Report.Party LEAD = new Report.Party("甲银行股份有限公司", "91130100100003962C");
    static final Report.Reporter REPORTER = new Report.Reporter("applicant-b", "乙", "911301027356003226", "乙银行股份有限公司");

    static Report.Outcome file(List<ReportKind> kinds, String description, LocalDate occurredOn, List<ReReview.File> files) {
        return Report.file("rep-1", "listing-1", "智能风控平台", ENTERPRISE, LEAD, REPORTER, kinds, description, occurredOn, files, NOW);
    }

    static Report filed() {
        return file(List.of(ReportKind.MAJOR_DEFECT, ReportKind.MAJOR_DEFECT), " 宕机两日 ", LocalDate.of(2026, 11, 1), List.of()).report();
    }

    static ReReview.File pdf() {
        return new ReReview.File("f1", "a.pdf", "application/pdf", 10, "0".repeat(64), NOW);
    }

    @Test
    void filing_raises_report_filed_with_distinct_kinds() {
        Report.Outcome o = file(List.of(ReportKind.MAJOR_DEFECT, ReportKind.MAJOR_DEFECT), " 宕机两日 ", LocalDate.of(2026, 11, 1), List.of(pdf()));
        assertThat(o.report().kinds()).containsExactly(ReportKind.MAJOR_DEFECT);
        assertThat(o.report().description()).isEqualTo("宕机两日");
        assertThat(o.report().status()).isEqualTo(ReportStatus.FILED);
        assertThat(o.events()).singleElement().isInstanceOf(Report.Event.Filed.class);
        assertThat(o.report().concerns(ENTERPRISE.uscc())).isTrue();
        assertThat(o.report().concerns(LEAD.uscc())).isTrue();
        assertThat(o.report().concerns(REPORTER.orgUscc())).isFalse();
        assertThat(o.report().filedBy(REPORTER.orgUscc())).isTrue();
    }

    @Test
    void filing_rules_name_field_and_rule() {
        assertRefused(() -> file(List.of(), "x", LocalDate.of(2026, 11, 1), List.of()), "kinds", "required");
        assertRefused(() -> file(List.of(ReportKind.OTHER), " ", LocalDate.of(2026, 11, 1), List.of()), "description", "required");
        assertRefused(() -> file(List.of(ReportKind.OTHER), "x".repeat(2001), LocalDate.of(2026, 11, 1), List.of()), "description", "max-length");
        assertRefused(() -> file(List.of(ReportKind.OTHER), "x", null, List.of()), "occurredOn", "required");
        assertRefused(() -> file(List.of(ReportKind.OTHER), "x", LocalDate.of(2026, 11, 21), List.of()), "occurredOn", "not-in-future");
        assertRefused(() -> file(List.of(ReportKind.OTHER), "x", LocalDate.of(2026, 11, 1), Collections.nCopies(11, pdf())), "files", "max-count");
    }

    @Test
    void response_requested_then_answered_by_the_enterprise_or_lead_before_the_deadline() {
        Instant deadline = NOW.plus(Duration.ofDays(10));
        Report.Outcome asked = filed().requestResponse("请说明原因", deadline, "office", NOW);
        assertThat(asked.report().status()).isEqualTo(ReportStatus.RESPONSE_REQUESTED);
        assertThat(asked.events()).singleElement().isInstanceOf(Report.Event.ResponseRequested.class);
        assertRefused(() -> filed().requestResponse("x", NOW, "office", NOW), "respondBy", "in-future");

        Report answered = asked.report().respond(ENTERPRISE.uscc(), ENTERPRISE.name(), "vendor-x", "已整改", List.of(pdf()), NOW).report();
        assertThat(answered.status()).isEqualTo(ReportStatus.RESPONDED);
        Report both = answered.respond(LEAD.uscc(), LEAD.name(), "applicant-a", "我行确认已修复", List.of(), NOW).report();
        assertThat(both.responses()).extracting(Report.Response::orgUscc).containsExactly(ENTERPRISE.uscc(), LEAD.uscc());

        assertThatThrownBy(() -> asked.report().respond(REPORTER.orgUscc(), "乙", "b", "x", List.of(), NOW))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.reason()).isEqualTo(ListingRefused.Reason.NOT_FOUND));
        assertThatThrownBy(() -> asked.report().respond(LEAD.uscc(), LEAD.name(), "a", "迟到", List.of(), deadline.plusSeconds(1)))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("past-deadline"));
        assertThatThrownBy(() -> filed().respond(LEAD.uscc(), LEAD.name(), "a", "未被要求", List.of(), NOW))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("no-response-requested"));
        Report full = asked.report();
        for (int i = 0; i < Report.MAX_RESPONSES; i++) {
            full = full.respond(LEAD.uscc(), LEAD.name(), "a", "说明 " + i, List.of(), NOW).report();
        }
        Report bounded = full;
        assertRefused(() -> bounded.respond(LEAD.uscc(), LEAD.name(), "a", "再一次", List.of(), NOW), "text", "max-responses");
    }

    @Test
    void dismissed_or_re_reviewed_once_and_the_brief_never_names_the_reporter() {
        Report dismissed = filed().dismiss("经核实不影响认定", "office", NOW).report();
        assertThat(dismissed.status()).isEqualTo(ReportStatus.DISMISSED);
        assertThatThrownBy(() -> dismissed.dismiss("again", "office", NOW))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("already-decided"));
        assertThatThrownBy(() -> dismissed.reReviewOpened("rr-rep-1", "x", "office", NOW))
                .isInstanceOfSatisfying(ListingRefused.class, e -> assertThat(e.rule()).isEqualTo("already-decided"));

        Report inReview = filed().reReviewOpened("rr-rep-1", "反映属实", "office", NOW).report();
        assertThat(inReview.status()).isEqualTo(ReportStatus.RE_REVIEW);
        assertThat(inReview.reReviewOpened("rr-rep-1", "反映属实", "office", NOW).report()).isSameAs(inReview);
        assertThat(inReview.concluded(true).status()).isEqualTo(ReportStatus.KEPT);
        assertThat(inReview.concluded(false).status()).isEqualTo(ReportStatus.DELISTED);
        assertThat(inReview.concluded(true).concluded(false).status()).isEqualTo(ReportStatus.KEPT);
    }

    @Test
    void the_reporter_is_told_once_when_its_report_is_dismissed_or_its_re_review_concluded() {
        Report.Outcome dismissed = filed().dismiss(" 经核实不影响认定 ", "office", NOW);
        assertThat(dismissed.events()).singleElement().isInstanceOfSatisfying(Report.Event.Closed.class, c -> {
            assertThat(c.reasons()).containsExactly("经核实不影响认定");
            assertThat(c.report().status()).isEqualTo(ReportStatus.DISMISSED);
        });
        Report inReview = filed().reReviewOpened("rr-rep-1", "反映属实", "office", NOW).report();
        Report.Outcome kept = inReview.conclude(true, List.of("缺陷已整改"));
        assertThat(kept.events()).singleElement().isInstanceOfSatisfying(Report.Event.Closed.class, c -> {
            assertThat(c.reasons()).containsExactly("缺陷已整改");
            assertThat(c.report().status()).isEqualTo(ReportStatus.KEPT);
        });
        // a redelivered conclusion finds the report concluded: nothing again
        assertThat(kept.report().conclude(true, List.of("缺陷已整改")).events()).isEmpty();
        assertThat(kept.report().conclude(true, List.of()).report()).isSameAs(kept.report());
        assertThat(filed().conclude(false, List.of("x")).events()).as("not in re-review").isEmpty();

        ReReview.Brief brief = filed().brief("反映属实");
        assertThat(brief.toString()).doesNotContain("applicant-b").doesNotContain("乙银行");
        assertRefused(() -> filed().brief(""), "reason", "required");
    }

    static void assertRefused(Runnable command, String field, String rule) {
        assertThatThrownBy(command::run).isInstanceOfSatisfying(ListingRefused.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).isEqualTo(rule);
        });
    }
}
