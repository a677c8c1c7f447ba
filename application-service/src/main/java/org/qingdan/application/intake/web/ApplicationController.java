package org.qingdan.application.intake.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.FormPrintout;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.ApplicationStatus;
import org.qingdan.application.intake.domain.AuditEntry;
import org.qingdan.application.intake.domain.CorrectionComment;
import org.qingdan.application.intake.domain.SubmittedVersion;
import org.qingdan.application.intake.print.FormPdf;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.Idempotency;
import org.qingdan.support.web.IfMatch;
import org.qingdan.support.web.ProblemException;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Applications (申报). The form binds straight to the domain's {@link ApplicationForm}: its records carry no
 * framework annotations, and the API is meant to mirror Annex 1 section by section. Responses carry an ETag
 * (the version); changes accept If-Match and answer 412 when the version moved on.
 */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "申报 Applications", description = "Drafts, submission, withdrawal and the formal check (受理)")
public class ApplicationController {

    private final ApplicationService applications;
    private final FormPdf formPdf;

    public ApplicationController(ApplicationService applications, FormPdf formPdf) {
        this.applications = applications;
        this.formPdf = formPdf;
    }

    public record CreateRequest(String callId, ApplicationForm form) {
    }

    public record WithdrawRequest(String reason) {
    }

    public record ReturnRequest(List<CorrectionComment> comments) {
    }

    public record RefuseRequest(String reason) {
    }

    public record Summary(String id, String callId, String ownerUscc, String ownerName, String productName,
                          String status, String statusLabel, Integer currentVersion, Instant createdAt) {
        static Summary of(Application a) {
            return new Summary(a.id(), a.callId(), a.ownerUscc(), a.ownerName(),
                    a.draft().product() == null ? null : a.draft().product().name(), a.status().name(), a.status().label(),
                    a.versions().isEmpty() ? null : a.versions().size(), a.createdAt());
        }
    }

    /**
     * A participant named in the form and where its confirmation stands for its current role (Art. 8): {@code PENDING}
     * (not yet answered, or answered for a role since changed), {@code CONFIRMED} or {@code DECLINED} with the reason.
     */
    public record ParticipantStatus(String uscc, String name, String role, String confirmation, String reason, Instant answeredAt) {
        public static List<ParticipantStatus> of(Application a) {
            return a.draft().participants().stream().filter(java.util.Objects::nonNull).map(p -> a.confirmationOf(p.uscc())
                    .filter(c -> org.qingdan.application.intake.domain.ParticipantConfirmation.sameRole(c.role(), p.role()))
                    .map(c -> new ParticipantStatus(p.uscc(), p.name(), p.role(), c.decision().name(), c.reason(), c.at()))
                    .orElse(new ParticipantStatus(p.uscc(), p.name(), p.role(), "PENDING", null, null))).toList();
        }
    }

    /** One submitted version; {@code filingDate} is its 填报日期, set by the system at submission. */
    public record VersionSummary(int number, Instant submittedAt, LocalDate filingDate, String submittedBy, List<String> riskFlags) {
    }

    /**
     * An application. {@code filingDate} (填报日期) is the latest submitted version's, set by the system when it was
     * submitted (null while a draft never submitted). {@code correctionDueAt}: while returned for correction, the
     * deadline (补正期限) after which it is not accepted; {@code notAcceptedReason}: why it was not accepted (不予受理).
     */
    public record Detail(String id, String callId, String ownerUscc, String ownerName, String status, String statusLabel,
                         ApplicationForm form, LocalDate filingDate, List<VersionSummary> versions, List<CorrectionComment> corrections,
                         Instant correctionDueAt, String notAcceptedReason, List<ParticipantStatus> participants,
                         String withdrawalReason, List<AuditEntry> audit, long version, Instant createdAt) {
        static Detail of(Versioned<Application> v) {
            Application a = v.state();
            LocalDate filed = a.versions().isEmpty() ? null : a.versions().get(a.versions().size() - 1).filingDate();
            return new Detail(a.id(), a.callId(), a.ownerUscc(), a.ownerName(), a.status().name(), a.status().label(),
                    a.draft(), filed, a.versions().stream().map(s -> new VersionSummary(s.number(), s.submittedAt(), s.filingDate(),
                    s.submittedBy().name(), s.riskFlags())).toList(), a.corrections(), a.correctionDueAt(), a.notAcceptedReason(),
                    ParticipantStatus.of(a), a.withdrawalReason(), a.audit(),
                    v.version(), a.createdAt());
        }
    }

    private static ResponseEntity<Detail> ok(Versioned<Application> v) {
        return ResponseEntity.ok().eTag(IfMatch.etag(v.version())).body(Detail.of(v));
    }

    @PostMapping
    @Operation(summary = "Start an application (draft) in an open call",
            description = "Applicants and vendors; the owning organisation is taken from the token. Accepts Idempotency-Key.")
    @ApiResponse(responseCode = "201", description = "Created: the draft, with Location and ETag")
    @ApiResponse(responseCode = "409", description = "征集未开放 (call-not-open): the call is not open")
    @ApiResponse(responseCode = "422", description = "The form breaks rules (each field and rule), or the Idempotency-Key was used for other content (idempotency-key-reused)")
    public ResponseEntity<Detail> create(CurrentUser user, @RequestBody CreateRequest request,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        if (request.callId() == null || request.callId().isBlank()) {
            throw ProblemException.invalid("请选择征集", List.of(new org.qingdan.support.web.Violation("callId", "required", "必填")));
        }
        Versioned<Application> saved = applications.create(user, request.callId(), request.form(), key,
                Idempotency.hash(String.valueOf(request)));
        return ResponseEntity.created(URI.create("/api/applications/" + saved.state().id()))
                .eTag(IfMatch.etag(saved.version())).body(Detail.of(saved));
    }

    @GetMapping
    @Operation(summary = "Applications the user may see, newest first (own organisation; the office sees all)")
    public List<Summary> list(CurrentUser user, @RequestParam(required = false) String callId,
                              @RequestParam(required = false) ApplicationStatus status,
                              @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || size < 1 || size > 100) {
            throw ProblemException.badRequest("分页参数不正确", List.of(
                    new org.qingdan.support.web.Violation("size", "range", "page ≥ 0，size 为 1 至 100")));
        }
        return applications.list(user, callId, status, page, size).stream().map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application (申报) with its form, versions, corrections and audit trail; ETag is its version")
    @ApiResponse(responseCode = "200", description = "The application")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    public ResponseEntity<Detail> one(CurrentUser user, @PathVariable String id) {
        return ok(applications.get(user, id));
    }

    @GetMapping("/{id}/versions/{number}")
    @Operation(summary = "A submitted version of the form; earlier versions stay readable")
    @ApiResponse(responseCode = "200", description = "The version as submitted")
    @ApiResponse(responseCode = "404", description = "No such application or version")
    public SubmittedVersion version(CurrentUser user, @PathVariable String id, @PathVariable int number) {
        return applications.get(user, id).state().version(number)
                .orElseThrow(() -> ProblemException.notFound("申报 " + id + " 没有第 " + number + " 版"));
    }

    @GetMapping(value = "/{id}/form.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The 申报表 as a printable PDF in Annex 1's layout, to sign and seal",
            description = "The owner's applicants and vendors, the office and the assigned reviewers. Without version: the draft while "
                    + "the applicant holds the pen (draft, returned for correction), else the latest submitted version; with version: "
                    + "that submitted version. The fonts are embedded; the footer names the application, the version and the filing date.")
    @ApiResponse(responseCode = "200", description = "The PDF", content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "申报或版本不存在，或不是本用户可见的 (no such application or version, or not one the user may see)")
    public ResponseEntity<byte[]> formPdf(CurrentUser user, @PathVariable String id, @RequestParam(required = false) Integer version) {
        FormPrintout printout = applications.printout(user, id, version);
        String name = "申报表-" + id + (printout.version() == null ? "-草稿" : "-第" + printout.version() + "版") + ".pdf";
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(formPdf.render(printout));
    }

    @PutMapping("/{id}/form")
    @Operation(summary = "Save the form as a draft (partial forms are fine)")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public ResponseEntity<Detail> saveDraft(CurrentUser user, @PathVariable String id, @RequestBody ApplicationForm form,
                                            @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(applications.saveDraft(user, id, form, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit: the whole form is checked and every violation reported at once")
    @ApiResponse(responseCode = "200", description = "Submitted: a new version with its filing date (填报日期)")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), a concurrent change won (concurrent-modification), or "
            + "参与机构尚未全部确认 (participants-unconfirmed): each participant that has not confirmed its current role, or declined, "
            + "as participants[i] with rule participant-unconfirmed or participant-declined")
    @ApiResponse(responseCode = "422", description = "申报内容不符合要求 (validation) or 不予受理 (inadmissible): every violation with its field and rule")
    public ResponseEntity<Detail> submit(CurrentUser user, @PathVariable String id,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(applications.submit(user, id, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Withdraw with a reason, any time before the committee's decision")
    @ApiResponse(responseCode = "200", description = "Withdrawn, or WITHDRAWAL_REQUESTED once accepted")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public ResponseEntity<Detail> withdraw(CurrentUser user, @PathVariable String id, @RequestBody WithdrawRequest request,
                                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(applications.withdraw(user, id, request.reason(), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Formal check: accept (受理) (office)")
    @ApiResponse(responseCode = "200", description = "Accepted")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public ResponseEntity<Detail> accept(CurrentUser user, @PathVariable String id,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(applications.accept(user, id, IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/return")
    @Operation(summary = "Formal check: return for correction (退回补正) with per-field comments (office)",
            description = "The correction is due qingdan.intake.correction-period (15 days by default) later (correctionDueAt); "
                    + "without a corrected submission by then the application is not accepted (不予受理) by the system.")
    @ApiResponse(responseCode = "200", description = "Returned for correction, with correctionDueAt")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public ResponseEntity<Detail> returnForCorrection(CurrentUser user, @PathVariable String id,
                                                      @RequestBody ReturnRequest request,
                                                      @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(applications.returnForCorrection(user, id, request.comments(), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/refuse")
    @Operation(summary = "Formal check: refuse (不予受理) with a reason (office); final",
            description = "Only a submitted application; publishes application.not-accepted.v1 and the applicant is told. "
                    + "A missing reason is a 422 naming the field.")
    @ApiResponse(responseCode = "200", description = "Not accepted (NOT_ACCEPTED), final")
    @ApiResponse(responseCode = "404", description = "申报不存在，或不是本用户可见的 (no such application, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public ResponseEntity<Detail> refuse(CurrentUser user, @PathVariable String id, @RequestBody RefuseRequest request,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return ok(applications.refuse(user, id, request.reason(), IfMatch.version(ifMatch)));
    }
}
