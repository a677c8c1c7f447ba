package org.qingdan.listing.report.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.ListingRefused;
import org.qingdan.listing.register.domain.ListingRefused.Reason;
import org.qingdan.listing.register.domain.ReReview;

/**
 * A report (情况反映) a member files about a listed product (Art. 12 (一)(三), Art. 5 (三)), and what the office does
 * with it: ask the enterprise and the lead applicant for a response by a deadline, dismiss it with a reason, or open a
 * re-review, whose conclusion ends it. Its own aggregate and document, never an array in the listing: a listing may
 * get many. Its size is bounded: {@value #MAX_FILES} files per filing or response, {@value #MAX_RESPONSES} responses.
 *
 * <p>Who filed it ({@link Reporter}) is for the office only; the enterprise and the lead applicant see that it exists,
 * what kinds it names and its status.
 */
public record Report(
        String id,
        String listingId,
        String productName,
        Party enterprise,
        Party leadApplicant,
        Reporter reporter,
        List<ReportKind> kinds,
        String description,
        LocalDate occurredOn,
        Instant filedAt,
        List<ReReview.File> evidence,
        ReportStatus status,
        ResponseRequest responseRequest,
        List<Response> responses,
        Triage triage,
        String reReviewId,
        long version) {

    public static final int MAX_FILES = 10;
    public static final int MAX_RESPONSES = 10;
    /** Reports one organisation may have open (not yet decided by the office) against one listing. */
    public static final int MAX_OPEN_PER_ORGANISATION = 3;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public Report {
        kinds = kinds == null ? List.of() : List.copyOf(kinds);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        responses = responses == null ? List.of() : List.copyOf(responses);
    }

    /** An organisation of the product, by name and USCC. */
    public record Party(String name, String uscc) {
    }

    /** Who filed the report: the office sees it, nobody else. */
    public record Reporter(String userId, String userName, String orgUscc, String orgName) {
    }

    public record ResponseRequest(String question, Instant respondBy, String requestedBy, Instant requestedAt) {
    }

    /** An answer of the enterprise or the lead applicant: text and files, by organisation. */
    public record Response(String orgUscc, String orgName, String respondedBy, String text, List<ReReview.File> files, Instant respondedAt) {
        public Response {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /** The office's decision: dismissed with a reason, or a re-review opened with a reason. */
    public record Triage(ReportStatus decision, String reason, String by, Instant at) {
    }

    /** What a command did, and the facts it raised. */
    public record Outcome(Report report, List<Event> events) {
    }

    public sealed interface Event {
        record Filed(Report report) implements Event {
        }

        record ResponseRequested(Report report) implements Event {
        }

        /** Dismissed (the office's reason) or concluded by a re-review (the committee's reasons): its reporter is told. */
        record Closed(Report report, List<String> reasons) implements Event {
        }
    }

    /** A member files a report about a listed product: at least one kind, a description, the date it occurred. */
    public static Outcome file(String id, String listingId, String productName, Party enterprise, Party leadApplicant, Reporter reporter,
                               List<ReportKind> kinds, String description, LocalDate occurredOn, List<ReReview.File> evidence,
                               Instant now) {
        if (kinds == null || kinds.isEmpty() || kinds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ListingRefused(Reason.INVALID, "kinds", "required", "请至少选择一项反映情况类别");
        }
        Listing.text("description", description, true);
        if (occurredOn == null) {
            throw new ListingRefused(Reason.INVALID, "occurredOn", "required", "请填写情况发生日期");
        }
        if (occurredOn.isAfter(LocalDate.ofInstant(now, CHINA))) {
            throw new ListingRefused(Reason.INVALID, "occurredOn", "not-in-future", "发生日期不能晚于今天");
        }
        files("files", evidence);
        Report filed = new Report(id, listingId, productName, enterprise, leadApplicant, reporter,
                List.copyOf(new LinkedHashSet<>(kinds)), description.trim(), occurredOn, now, evidence, ReportStatus.FILED, null,
                List.of(), null, null, 0);
        return new Outcome(filed, List.of(new Event.Filed(filed)));
    }

    /** Whether this organisation is the product's enterprise or its lead applicant: it may see the report's status and answer. */
    public boolean concerns(String orgUscc) {
        return orgUscc != null && (orgUscc.equals(enterprise.uscc()) || (leadApplicant != null && orgUscc.equals(leadApplicant.uscc())));
    }

    public boolean filedBy(String orgUscc) {
        return orgUscc != null && orgUscc.equals(reporter.orgUscc());
    }

    /** The office asks the enterprise and the lead applicant to answer by {@code respondBy}; asking again sets a new question and deadline. */
    public Outcome requestResponse(String question, Instant respondBy, String by, Instant now) {
        requireOpen();
        Listing.text("question", question, true);
        if (respondBy == null) {
            throw new ListingRefused(Reason.INVALID, "respondBy", "required", "请填写说明期限");
        }
        if (!respondBy.isAfter(now)) {
            throw new ListingRefused(Reason.INVALID, "respondBy", "in-future", "说明期限须晚于现在");
        }
        Report asked = with(ReportStatus.RESPONSE_REQUESTED, new ResponseRequest(question.trim(), respondBy, by, now), responses, triage,
                reReviewId);
        return new Outcome(asked, List.of(new Event.ResponseRequested(asked)));
    }

    /** The enterprise or the lead applicant answers a request, before its deadline, with text and files. */
    public Outcome respond(String orgUscc, String orgName, String by, String text, List<ReReview.File> files, Instant now) {
        if (!concerns(orgUscc)) {
            throw new ListingRefused(Reason.NOT_FOUND, null, "not-found", "情况反映 " + id + " 不存在");
        }
        if (responseRequest == null || !(status == ReportStatus.RESPONSE_REQUESTED || status == ReportStatus.RESPONDED)) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "no-response-requested", "办公室未要求就此情况说明，或已处理完毕");
        }
        if (now.isAfter(responseRequest.respondBy())) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "past-deadline", "说明期限已过（" + responseRequest.respondBy() + "），请联系专委会办公室");
        }
        Listing.text("text", text, true);
        files("files", files);
        if (responses.size() >= MAX_RESPONSES) {
            throw new ListingRefused(Reason.INVALID, "text", "max-responses", "每条情况反映至多 " + MAX_RESPONSES + " 次说明");
        }
        List<Response> next = new ArrayList<>(responses);
        next.add(new Response(orgUscc, orgName, by, text.trim(), files, now));
        return new Outcome(with(ReportStatus.RESPONDED, responseRequest, next, triage, reReviewId), List.of());
    }

    /** The office dismisses the report with a reason; final. */
    public Outcome dismiss(String reason, String by, Instant now) {
        requireOpen();
        Listing.text("reason", reason, true);
        Report dismissed = with(ReportStatus.DISMISSED, responseRequest, responses, new Triage(ReportStatus.DISMISSED, reason.trim(), by, now),
                reReviewId);
        return new Outcome(dismissed, List.of(new Event.Closed(dismissed, List.of(reason.trim()))));
    }

    /** The office opened a re-review of the product on this report; the same re-review again changes nothing. */
    public Outcome reReviewOpened(String reReviewIdOpened, String reason, String by, Instant now) {
        if (status == ReportStatus.RE_REVIEW && reReviewIdOpened.equals(reReviewId)) {
            return new Outcome(this, List.of());
        }
        requireOpen();
        return new Outcome(with(ReportStatus.RE_REVIEW, responseRequest, responses,
                new Triage(ReportStatus.RE_REVIEW, reason, by, now), reReviewIdOpened), List.of());
    }

    /** What the experts get: the report without its reporter, and the answers. */
    public ReReview.Brief brief(String reason) {
        Listing.text("reason", reason, true);
        return new ReReview.Brief(id, kinds, description, occurredOn, filedAt, evidence,
                responses.stream().map(r -> new ReReview.Answer(r.orgName(), r.orgUscc(), r.text(), r.files(), r.respondedAt())).toList(),
                reason.trim());
    }

    /** The committee concluded the re-review this report led to: kept or delisted. Idempotent. */
    public Report concluded(boolean kept) {
        if (status != ReportStatus.RE_REVIEW) {
            return this;
        }
        return with(kept ? ReportStatus.KEPT : ReportStatus.DELISTED, responseRequest, responses, triage, reReviewId);
    }

    /** {@link #concluded} with its fact for the reporter; a report concluded before raises nothing again. */
    public Outcome conclude(boolean kept, List<String> reasons) {
        Report next = concluded(kept);
        return next == this ? new Outcome(this, List.of())
                : new Outcome(next, List.of(new Event.Closed(next, reasons == null ? List.of() : List.copyOf(reasons))));
    }

    private void requireOpen() {
        if (!status.open()) {
            throw new ListingRefused(Reason.WRONG_STATE, null, "already-decided", "该情况反映已处理（" + status.label() + "）");
        }
    }

    private Report with(ReportStatus next, ResponseRequest request, List<Response> nextResponses, Triage nextTriage, String nextReReview) {
        return new Report(id, listingId, productName, enterprise, leadApplicant, reporter, kinds, description, occurredOn, filedAt, evidence,
                next, request, nextResponses, nextTriage, nextReReview, version + 1);
    }

    private static void files(String field, List<ReReview.File> files) {
        if (files != null && files.size() > MAX_FILES) {
            throw new ListingRefused(Reason.INVALID, field, "max-count", "至多上传 " + MAX_FILES + " 个文件");
        }
    }
}
