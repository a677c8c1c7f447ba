package org.qingdan.listing.change.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.qingdan.contracts.form.Uscc;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.listing.register.domain.ListingRefused.Reason;
import org.qingdan.listing.register.domain.ReReview;

/**
 * A major change (重大变故, Art. 12 (二)) the enterprise or the lead applicant of a listed product reports: name, USCC,
 * merger or split, change of control, bankruptcy or deregistration, a material change of the product. The office
 * accepts it (the public record is corrected in a new edition), opens a re-review, or delists the product for
 * reason (二). A new USCC is checked like every USCC (GB 32100-2015, both check characters). Its own document.
 */
public record EnterpriseChange(
        String id,
        String listingId,
        String productName,
        String orgUscc,
        String orgName,
        String reportedBy,
        EnterpriseChangeKind kind,
        String description,
        LocalDate effectiveOn,
        String newEnterpriseName,
        String newEnterpriseUscc,
        Instant reportedAt,
        Status status,
        String decisionNote,
        String decidedBy,
        Instant decidedAt,
        String reReviewId,
        long version) {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public enum Status {
        REPORTED("待办公室处理"), ACCEPTED("已受理，信息已更正"), RE_REVIEW("复核中"), KEPT("复核保留"), DELISTED("已移出清单");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Outcome(EnterpriseChange change, boolean reported) {
    }

    /** The enterprise or the lead applicant reports a change; a new name or USCC with it when the change is one. */
    public static EnterpriseChange report(String id, String listingId, String productName, String orgUscc, String orgName, String by,
                                          EnterpriseChangeKind kind, String description, LocalDate effectiveOn, String newName,
                                          String newUscc, Instant now) {
        if (kind == null) {
            throw new ListingRefused(Reason.INVALID, "kind", "required", "请选择变更类别");
        }
        Listing.text("description", description, true);
        if (effectiveOn == null) {
            throw new ListingRefused(Reason.INVALID, "effectiveOn", "required", "请填写变更生效日期");
        }
        if (effectiveOn.isAfter(LocalDate.ofInstant(now, CHINA).plusYears(1))) {
            throw new ListingRefused(Reason.INVALID, "effectiveOn", "within-a-year", "生效日期不能晚于一年之后");
        }
        String name = blank(newName);
        String uscc = blank(newUscc) == null ? null : newUscc.trim().toUpperCase(Locale.ROOT);
        if (kind == EnterpriseChangeKind.NAME && name == null) {
            throw new ListingRefused(Reason.INVALID, "newEnterpriseName", "required", "企业名称变更请填写新名称");
        }
        if (kind == EnterpriseChangeKind.USCC && uscc == null) {
            throw new ListingRefused(Reason.INVALID, "newEnterpriseUscc", "required", "统一社会信用代码变更请填写新代码");
        }
        if (uscc != null) {
            Uscc.violation(uscc).ifPresent(rule -> {
                throw new ListingRefused(Reason.INVALID, "newEnterpriseUscc", rule, "统一社会信用代码不正确（GB 32100-2015）");
            });
        }
        if (name != null && name.codePointCount(0, name.length()) > 100) {
            throw new ListingRefused(Reason.INVALID, "newEnterpriseName", "max-length", "不超过 100 字");
        }
        return new EnterpriseChange(id, listingId, productName, orgUscc, orgName, by, kind, description.trim(), effectiveOn, name, uscc, now,
                Status.REPORTED, null, null, null, null, 0);
    }

    /** The office accepted it: the public record was corrected. */
    public EnterpriseChange accepted(String note, String by, Instant now) {
        requireReported();
        return decided(Status.ACCEPTED, note, by, now, null);
    }

    /** The office delisted the product for reason (二). */
    public EnterpriseChange delisted(String note, String by, Instant now) {
        requireReported();
        return decided(Status.DELISTED, note, by, now, null);
    }

    /** The office opened a re-review on it; the same one again changes nothing. */
    public EnterpriseChange reReviewOpened(String id, String note, String by, Instant now) {
        if (status == Status.RE_REVIEW && id.equals(reReviewId)) {
            return this;
        }
        requireReported();
        return decided(Status.RE_REVIEW, note, by, now, id);
    }

    /** The committee concluded the re-review: kept or delisted. Idempotent. */
    public EnterpriseChange concluded(boolean kept) {
        if (status != Status.RE_REVIEW) {
            return this;
        }
        return new EnterpriseChange(id, listingId, productName, orgUscc, orgName, reportedBy, kind, description, effectiveOn, newEnterpriseName,
                newEnterpriseUscc, reportedAt, kept ? Status.KEPT : Status.DELISTED, decisionNote, decidedBy, decidedAt, reReviewId, version + 1);
    }

    /** What the experts of a re-review get: the change as a report of kind 其他, by the organisation that reported it. */
    public ReReview.Brief brief(String reason) {
        Listing.text("reason", reason, true);
        return new ReReview.Brief(id, List.of(ReportKind.OTHER), kind.label() + "：" + description
                + (newEnterpriseName == null ? "" : "；新名称：" + newEnterpriseName)
                + (newEnterpriseUscc == null ? "" : "；新统一社会信用代码：" + newEnterpriseUscc), effectiveOn, reportedAt, List.of(),
                List.of(new ReReview.Answer(orgName, orgUscc, description, List.of(), reportedAt)), reason.trim());
    }

    private void requireReported() {
        if (status != Status.REPORTED) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "already-decided", "该变更已处理（" + status.label() + "）");
        }
    }

    private EnterpriseChange decided(Status next, String note, String by, Instant now, String nextReReview) {
        Listing.text("note", note, true);
        return new EnterpriseChange(id, listingId, productName, orgUscc, orgName, reportedBy, kind, description, effectiveOn, newEnterpriseName,
                newEnterpriseUscc, reportedAt, next, note.trim(), by, now, nextReReview, version + 1);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
