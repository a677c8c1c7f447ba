package org.qingdan.listing.report.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.contracts.listing.ReportKind;
import org.qingdan.listing.register.domain.ReReview;
import org.qingdan.listing.report.ReportService;
import org.qingdan.listing.report.domain.Report;
import org.qingdan.listing.report.domain.ReportScope;
import org.qingdan.listing.report.domain.ReportStatus;
import org.qingdan.support.files.web.FileResponses;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.Idempotency;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.QueryParameters;
import org.qingdan.support.web.Violation;
import org.springframework.core.io.InputStreamResource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reports on listed products (情况反映, Art. 12): members file them with evidence; the office triages; the enterprise
 * and the lead applicant see that a report exists, its status and what the office asks, and answer. Who filed a
 * report is shown to the office only.
 */
@RestController
@RequestMapping("/api/listings")
@Tag(name = "情况反映 Reports", description = "Reports on listed products and their triage (Art. 12)")
public class ReportController {

    private final ReportService reports;

    public ReportController(ReportService reports) {
        this.reports = reports;
    }

    public record RequestResponseRequest(String question, Instant respondBy) {
    }

    public record ReasonRequest(String reason) {
    }

    /** A report as its reader may see it: null where the reader may not see a part. */
    public record ReportView(String id, String listingId, String productName, List<String> kinds, List<String> kindLabels,
                             String description, LocalDate occurredOn, Instant filedAt, List<ReReview.File> evidence, String status,
                             String statusLabel, Report.ResponseRequest responseRequest, List<Report.Response> responses,
                             String decisionReason, String reReviewId, Report.Reporter reporter) {

        /** The office sees everything; the reporter's organisation its report; the enterprise and the lead what they answer. */
        static ReportView of(Report r, CurrentUser user) {
            boolean office = ReportService.office(user);
            String org = user.organisation().orElse(null);
            boolean reporter = office || r.filedBy(org);
            boolean concerned = office || r.concerns(org);
            return new ReportView(r.id(), r.listingId(), r.productName(), r.kinds().stream().map(Enum::name).toList(),
                    r.kinds().stream().map(ReportKind::label).toList(), reporter ? r.description() : null, r.occurredOn(), r.filedAt(),
                    reporter ? r.evidence() : List.of(), r.status().name(), r.status().label(), concerned ? r.responseRequest() : null,
                    r.responses().stream().filter(x -> office || x.orgUscc().equals(org)).toList(),
                    reporter && r.triage() != null ? r.triage().reason() : null, r.reReviewId(), office ? r.reporter() : null);
        }
    }

    public record Page(List<ReportView> items, int page, int size, long total) {
    }

    @PostMapping(value = "/{id}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "File a report on a listed product, with evidence files (applicant or vendor of a member organisation)",
            description = "Accepts an Idempotency-Key header: the same request again answers the report it filed, once.")
    @ApiResponse(responseCode = "201", description = "Filed: the report as its organisation sees it")
    @ApiResponse(responseCode = "400", description = "A parameter of the wrong type (kinds, occurredOn), naming it")
    @ApiResponse(responseCode = "404", description = "清单中没有该产品 (no such listed product)")
    @ApiResponse(responseCode = "409", description = "The organisation has 3 open reports on this product (max-open-per-organisation)")
    @ApiResponse(responseCode = "413", description = "附件超过大小上限 (attachment-too-large)")
    @ApiResponse(responseCode = "415", description = "不支持的文件类型 (attachment-type), by content")
    @ApiResponse(responseCode = "422", description = "kinds, description or occurredOn missing or invalid, too many files, or a file with active content (the field and rule named), or the Idempotency-Key was used for another request (idempotency-key-reused)")
    public ResponseEntity<ReportView> file(CurrentUser user, @PathVariable String id,
                                           @RequestParam(required = false) List<ReportKind> kinds,
                                           @RequestParam(required = false) String description,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn,
                                           @RequestParam(name = "files", required = false) List<MultipartFile> files,
                                           @RequestHeader(value = "Idempotency-Key", required = false) String key) throws IOException {
        // the request as a replay must repeat it: product, kinds, text, date, and each file's name and size
        String hash = Idempotency.hash(String.join("|", id, String.valueOf(kinds), String.valueOf(description), String.valueOf(occurredOn),
                files == null ? "" : String.join(",", files.stream().map(f -> f.getOriginalFilename() + ":" + f.getSize()).toList())));
        Report r = reports.file(user, id, kinds, description, occurredOn, uploads(files), key, hash);
        return ResponseEntity.created(URI.create("/api/listings/reports/" + r.id())).body(ReportView.of(r, user));
    }

    @GetMapping("/reports")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Every report, newest first, a page at a time, with who filed it (office); ?listingId=&status=")
    @ApiResponse(responseCode = "200", description = "A page of reports, with who filed each")
    @ApiResponse(responseCode = "400", description = "A bad page, size or status, naming it")
    public Page all(CurrentUser user, @RequestParam(required = false) String listingId, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return page(user, ReportScope.ALL, null, listingId, status, page, size);
    }

    @GetMapping("/reports/mine")
    @Operation(summary = "Reports of the user's organisation: those it filed (about=filed), or those about its products as enterprise or lead applicant (about=products)")
    @ApiResponse(responseCode = "200", description = "A page of reports, each as the organisation may see it")
    @ApiResponse(responseCode = "400", description = "A bad page, size, status or about, naming it")
    @ApiResponse(responseCode = "403", description = "Not an applicant or vendor of a member organisation")
    public Page mine(CurrentUser user, @RequestParam(required = false) String about, @RequestParam(required = false) String status,
                     @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        return page(user, ReportScope.FILED_BY, about, null, status, page, size);
    }

    /** Which of its organisation's reports a member lists. */
    public enum About { filed, products }

    @GetMapping("/reports/{reportId}")
    @Operation(summary = "One report, as the reader may see it (office: all; the reporter's organisation: its report; enterprise and lead: status, question, own answers)")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "404", description = "情况反映不存在，或不是本用户可见的")
    public ReportView one(CurrentUser user, @PathVariable String reportId) {
        return ReportView.of(reports.readable(user, reportId), user);
    }

    @GetMapping("/reports/{reportId}/files/{fileId}")
    @Operation(summary = "Download a file of a report (office; the organisation that uploaded it), always as an attachment")
    @ApiResponse(responseCode = "200", description = "The file, with Content-Disposition: attachment and a Digest")
    @ApiResponse(responseCode = "404", description = "No such report or file, or not one the user may see")
    public ResponseEntity<InputStreamResource> download(CurrentUser user, @PathVariable String reportId, @PathVariable String fileId) {
        ReportService.Download d = reports.download(user, reportId, fileId);
        return FileResponses.attachment(d.file().fileName(), d.file().mediaType(), d.file().size(), d.file().sha256(), d.content());
    }

    @PostMapping("/reports/{reportId}/request-response")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Ask the enterprise and the lead applicant to answer by a deadline (office)")
    @ApiResponse(responseCode = "200", description = "Asked: the report as it is now")
    @ApiResponse(responseCode = "404", description = "情况反映不存在")
    @ApiResponse(responseCode = "409", description = "Already decided (wrong-state, already-decided)")
    @ApiResponse(responseCode = "422", description = "question or respondBy missing, or respondBy not in the future (field and rule named)")
    public ReportView requestResponse(CurrentUser user, @PathVariable String reportId, @RequestBody RequestResponseRequest request) {
        return ReportView.of(reports.requestResponse(user, reportId, request.question(), request.respondBy()), user);
    }

    @PostMapping(value = "/reports/{reportId}/responses", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Answer a report, with text and files (the enterprise or the lead applicant, before the deadline)")
    @ApiResponse(responseCode = "201", description = "Answered: the report as the organisation sees it")
    @ApiResponse(responseCode = "400", description = "A parameter of the wrong type, naming it")
    @ApiResponse(responseCode = "404", description = "情况反映不存在，或与本单位无关")
    @ApiResponse(responseCode = "409", description = "No response requested (no-response-requested), or the deadline passed (past-deadline)")
    @ApiResponse(responseCode = "413", description = "附件超过大小上限 (attachment-too-large)")
    @ApiResponse(responseCode = "415", description = "不支持的文件类型 (attachment-type), by content")
    @ApiResponse(responseCode = "422", description = "text missing or too long, too many files, or a file with active content (field and rule named)")
    public ResponseEntity<ReportView> respond(CurrentUser user, @PathVariable String reportId, @RequestParam(required = false) String text,
                                              @RequestParam(name = "files", required = false) List<MultipartFile> files) throws IOException {
        return ResponseEntity.status(201).body(ReportView.of(reports.respond(user, reportId, text, uploads(files)), user));
    }

    @PostMapping("/reports/{reportId}/dismiss")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Dismiss a report with a reason (office); final")
    @ApiResponse(responseCode = "200", description = "Dismissed: the report as it is now")
    @ApiResponse(responseCode = "404", description = "情况反映不存在")
    @ApiResponse(responseCode = "409", description = "Already decided (wrong-state, already-decided)")
    @ApiResponse(responseCode = "422", description = "reason missing or too long (field and rule named)")
    public ReportView dismiss(CurrentUser user, @PathVariable String reportId, @RequestBody ReasonRequest request) {
        return ReportView.of(reports.dismiss(user, reportId, request.reason()), user);
    }

    @PostMapping("/reports/{reportId}/re-review")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Open a re-review (复核) of the product on this report (office): the public record shows 复核中, review-service opens a case")
    @ApiResponse(responseCode = "200", description = "Opened (or opened before): the report as it is now")
    @ApiResponse(responseCode = "404", description = "情况反映不存在")
    @ApiResponse(responseCode = "409", description = "Already decided (already-decided), the product is not listed (not-listed) or under re-review already (re-review-open)")
    @ApiResponse(responseCode = "422", description = "reason missing or too long (field and rule named)")
    public ReportView reReview(CurrentUser user, @PathVariable String reportId, @RequestBody ReasonRequest request) {
        return ReportView.of(reports.openReReview(user, reportId, request.reason()), user);
    }

    /** Each parameter checked; bad ones together in one 400 naming each. */
    private Page page(CurrentUser user, ReportScope scope, String about, String listingId, String status, String page, String size) {
        List<Violation> violations = new ArrayList<>();
        About a = QueryParameters.closedList(About.class, "about", about, violations);
        ReportStatus s = QueryParameters.closedList(ReportStatus.class, "status", status, violations);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, MAX_SIZE, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("查询参数不正确", violations);
        }
        if (a == About.products) {
            scope = ReportScope.ABOUT;
        }
        var found = reports.page(user, scope, listingId, s, paging.page(), paging.size());
        return new Page(found.items().stream().map(r -> ReportView.of(r, user)).toList(), paging.page(), paging.size(), found.total());
    }

    static final int MAX_SIZE = 100;

    private static List<ReportService.Upload> uploads(List<MultipartFile> files) throws IOException {
        List<ReportService.Upload> uploads = new ArrayList<>();
        if (files != null) {
            for (MultipartFile f : files) {
                // an empty file part is refused by the content checks (attachment-empty), not silently dropped
                if (f != null) {
                    uploads.add(new ReportService.Upload(f.getOriginalFilename(), f.getInputStream()));
                }
            }
        }
        return uploads;
    }
}
