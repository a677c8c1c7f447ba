package org.qingdan.listing.change.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.contracts.listing.EnterpriseChangeKind;
import org.qingdan.listing.change.EnterpriseChangeService;
import org.qingdan.listing.change.domain.EnterpriseChange;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.QueryParameters;
import org.qingdan.support.web.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Major changes of a listed product's enterprise (重大变故, Art. 12 (二)): reported by the enterprise or lead, decided by the office. */
@RestController
@RequestMapping("/api/listings")
@Tag(name = "企业重大变更 Enterprise changes", description = "Major changes of a listed product's enterprise (Art. 12 (二))")
public class EnterpriseChangeController {

    private final EnterpriseChangeService changes;

    public EnterpriseChangeController(EnterpriseChangeService changes) {
        this.changes = changes;
    }

    public record ChangeRequest(EnterpriseChangeKind kind, String description, LocalDate effectiveOn, String newEnterpriseName,
                                String newEnterpriseUscc) {
    }

    public record NoteRequest(String note) {
    }

    public record Page(List<EnterpriseChange> items, int page, int size, long total) {
    }

    @PostMapping("/{id}/changes")
    @Operation(summary = "Report a major change of the enterprise or the product (the enterprise or the lead applicant)")
    @ApiResponse(responseCode = "201", description = "Reported")
    @ApiResponse(responseCode = "404", description = "清单中没有该产品 (no such listed product)")
    @ApiResponse(responseCode = "422", description = "kind, description or effectiveOn missing; a new name or USCC missing for its kind; a USCC that fails GB 32100-2015 (uscc-format, uscc-check-character, uscc-organisation-code-check)")
    public ResponseEntity<EnterpriseChange> report(CurrentUser user, @PathVariable String id, @RequestBody ChangeRequest r) {
        EnterpriseChange c = changes.report(user, id, r.kind(), r.description(), r.effectiveOn(), r.newEnterpriseName(), r.newEnterpriseUscc());
        return ResponseEntity.created(URI.create("/api/listings/changes/" + c.id())).body(c);
    }

    @GetMapping("/changes")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Reported changes, newest first, a page at a time (office); ?listingId=&status=")
    @ApiResponse(responseCode = "200", description = "A page of change reports")
    public Page all(@RequestParam(required = false) String listingId, @RequestParam(required = false) String status,
                    @RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        List<Violation> violations = new ArrayList<>();
        EnterpriseChange.Status s = QueryParameters.closedList(EnterpriseChange.Status.class, "status", status, violations);
        QueryParameters.Paging paging = QueryParameters.paging(page, size, 100, violations);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest("查询参数不正确", violations);
        }
        var found = changes.page(listingId, s, paging.page(), paging.size());
        return new Page(found.items(), paging.page(), paging.size(), found.total());
    }

    @GetMapping("/changes/{changeId}")
    @Operation(summary = "One change report (the office; the organisation that reported it)")
    @ApiResponse(responseCode = "200", description = "The change report")
    @ApiResponse(responseCode = "404", description = "变更报告不存在，或不是本用户可见的")
    public EnterpriseChange one(CurrentUser user, @PathVariable String changeId) {
        return changes.readable(user, changeId);
    }

    @PostMapping("/changes/{changeId}/accept")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Accept the change: the public record is corrected in a new edition (office)")
    @ApiResponse(responseCode = "200", description = "Accepted")
    @ApiResponse(responseCode = "404", description = "变更报告不存在")
    @ApiResponse(responseCode = "409", description = "Decided already (already-decided), or the product is not listed (not-listed)")
    @ApiResponse(responseCode = "422", description = "note missing (field and rule named)")
    public EnterpriseChange accept(CurrentUser user, @PathVariable String changeId, @RequestBody NoteRequest r) {
        return changes.accept(user, changeId, r.note());
    }

    @PostMapping("/changes/{changeId}/re-review")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Open a re-review of the product on this change (office)")
    @ApiResponse(responseCode = "200", description = "Opened")
    @ApiResponse(responseCode = "404", description = "变更报告不存在")
    @ApiResponse(responseCode = "409", description = "Decided already, not listed, or under re-review already (re-review-open)")
    @ApiResponse(responseCode = "422", description = "reason missing (field and rule named)")
    public EnterpriseChange reReview(CurrentUser user, @PathVariable String changeId, @RequestBody NoteRequest r) {
        return changes.reReview(user, changeId, r.note());
    }

    @PostMapping("/changes/{changeId}/delist")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Delist the product for Art. 12 (二), a major change of its enterprise (office)")
    @ApiResponse(responseCode = "200", description = "Delisted; a new edition follows")
    @ApiResponse(responseCode = "404", description = "变更报告不存在")
    @ApiResponse(responseCode = "409", description = "Decided already (already-decided)")
    @ApiResponse(responseCode = "422", description = "note missing (field and rule named)")
    public EnterpriseChange delist(CurrentUser user, @PathVariable String changeId, @RequestBody NoteRequest r) {
        return changes.delist(user, changeId, r.note());
    }
}
