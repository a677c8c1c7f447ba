package org.qingdan.listing.register.web;

import org.qingdan.support.query.Page;
import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.qingdan.listing.register.domain.ExclusionGround;
import org.qingdan.listing.register.domain.DelistingReason;
import org.qingdan.listing.register.OfficeListQueries;
import org.qingdan.listing.register.PublicViews;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.listing.register.domain.Listing;
import org.qingdan.listing.register.domain.Objection;
import org.qingdan.listing.register.domain.Reconfirmation;
import org.qingdan.listing.register.domain.SelfAssessmentUpdate;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Objections, delisting and voluntary withdrawal: what members and the office do to the list. */
@RestController
@RequestMapping("/api/listings")
@Tag(name = "清单管理 Listings", description = "Objections during notice, delisting (Art. 12), voluntary withdrawal (Art. 3)")
public class ListingOfficeController {

    private final RegisterService register;
    private final OfficeListQueries listings;

    public ListingOfficeController(RegisterService register, OfficeListQueries listings) {
        this.register = register;
        this.listings = listings;
    }

    public record ObjectionRequest(String grounds, String evidence) {
    }

    public record DecisionRequest(String reason) {
    }

    public record DelistRequest(DelistingReason reason, ExclusionGround exclusionGround, String explanation, String evidence) {
    }

    public record WithdrawRequest(String explanation) {
    }

    /**
     * {@code updatedSelfAssessment}: required (all four ratings and a short explanation) exactly when
     * {@code selfAssessmentAccurate} is false; the office and the lead see it, the public never.
     */
    public record ReconfirmRequest(Boolean inProduction, Boolean noUnreportedIncident, Boolean selfAssessmentAccurate,
                                   SelfAssessmentUpdate updatedSelfAssessment, String note) {
    }

    /** A listed product's re-confirmations, newest first, with the self-assessments the lead updated (office and lead only). */
    public record ReconfirmationsView(String listingId, String productName, String leadName, Instant lastConfirmedAt, Instant nextDueAt,
                                      Instant overdueFlaggedFor, Instant selfAssessmentUpdatedAt, List<ConfirmationView> confirmations) {
        static ReconfirmationsView of(Listing l) {
            Reconfirmation r = l.reconfirmation() == null ? new Reconfirmation(null, null) : l.reconfirmation();
            List<ConfirmationView> confirmations = new java.util.ArrayList<>(r.confirmations().stream().map(ConfirmationView::of).toList());
            java.util.Collections.reverse(confirmations);
            return new ReconfirmationsView(l.id(), l.product().productName(), l.lead().name(), r.lastConfirmedAt(), l.reconfirmDueAt(),
                    r.overdueFlaggedFor(), r.selfAssessmentUpdatedAt(), confirmations);
        }
    }

    /** {@code updatedRatings} and {@code explanation}: when the lead declared the self-assessment no longer accurate. */
    public record ConfirmationView(Instant at, String by, boolean selfAssessmentAccurate, List<RatingView> updatedRatings, String explanation,
                                   String note) {
        static ConfirmationView of(Reconfirmation.Confirmation c) {
            SelfAssessmentUpdate u = c.selfAssessmentUpdate();
            return new ConfirmationView(c.at(), c.by(), c.selfAssessmentAccurate(), u == null ? null : u.ratings().entrySet().stream()
                    .map(e -> new RatingView(e.getKey().name(), e.getKey().label(), e.getValue().name(), e.getValue().label())).toList(),
                    u == null ? null : u.explanation(), c.note());
        }
    }

    public record RatingView(String dimension, String dimensionLabel, String rating, String ratingLabel) {
    }

    @GetMapping
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "The listings with their objections, newest first, one page at a time (office)")
    public Page<Listing> all(@RequestParam(required = false) String status, @RequestParam(required = false) String page,
                                         @RequestParam(required = false) String size) {
        ListQuery query = ListQuery.of(status, null, null, null, null, null, null, page, size);
        return listings.all(query.status(), query.page(), query.size());
    }

    @PostMapping("/{id}/objections")
    @Operation(summary = "Lodge an objection during public notice (applicant or vendor of a member organisation; one open per organisation)")
    @ApiResponse(responseCode = "201", description = "Lodged: the objection")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    @ApiResponse(responseCode = "409", description = "Not in public notice, or the organisation has an open objection already (wrong-state); or a concurrent change won")
    public ResponseEntity<Objection> lodge(CurrentUser user, @PathVariable String id, @RequestBody ObjectionRequest request) {
        Listing listing = register.lodgeObjection(user, id, request.grounds(), request.evidence());
        Objection lodged = listing.objections().get(listing.objections().size() - 1);
        return ResponseEntity.status(201).body(lodged);
    }

    @GetMapping("/{id}/objections")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "The objections (异议) lodged against a listing, with their decisions (office)")
    @ApiResponse(responseCode = "200", description = "The objections")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    public List<Objection> objections(@PathVariable String id) {
        return listings.objections(id).orElseThrow(() -> ProblemException.notFound("清单条目 " + id + " 不存在"));
    }

    @PostMapping("/{id}/objections/{objectionId}/uphold")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Uphold an objection: the product does not enter the list (office)")
    @ApiResponse(responseCode = "200", description = "Upheld; the listing as it is now")
    @ApiResponse(responseCode = "404", description = "No such listing or objection")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public Listing uphold(CurrentUser user, @PathVariable String id, @PathVariable String objectionId,
                          @RequestBody DecisionRequest request) {
        return register.decideObjection(user, id, objectionId, true, request.reason());
    }

    @PostMapping("/{id}/objections/{objectionId}/dismiss")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Dismiss an objection: notice goes on (office)")
    @ApiResponse(responseCode = "200", description = "Dismissed; the listing as it is now")
    @ApiResponse(responseCode = "404", description = "No such listing or objection")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public Listing dismiss(CurrentUser user, @PathVariable String id, @PathVariable String objectionId,
                           @RequestBody DecisionRequest request) {
        return register.decideObjection(user, id, objectionId, false, request.reason());
    }

    @PostMapping("/{id}/delist")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Delist for an Art. 12 reason, with explanation and evidence (office)")
    @ApiResponse(responseCode = "200", description = "Delisted; a new edition follows")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    @ApiResponse(responseCode = "409", description = "Not listed (wrong-state), or a concurrent change won")
    public Listing delist(CurrentUser user, @PathVariable String id, @RequestBody DelistRequest request) {
        return register.delist(user, id, request.reason(), request.exclusionGround(), request.explanation(), request.evidence())
                ;
    }

    @PostMapping("/{id}/withdraw")
    @Operation(summary = "Voluntary withdrawal at the enterprise's request (Art. 3)")
    @ApiResponse(responseCode = "200", description = "Withdrawn from the list")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    @ApiResponse(responseCode = "409", description = "Not listed or in notice (wrong-state), or a concurrent change won")
    public Listing withdraw(CurrentUser user, @PathVariable String id, @RequestBody WithdrawRequest request) {
        return register.withdrawVoluntarily(user, id, request.explanation());
    }

    @PostMapping("/{id}/reconfirm")
    @Operation(summary = "Re-confirm a listed product for the year (年度确认): its lead applicant, from 30 days before the anniversary")
    @ApiResponse(responseCode = "200", description = "Re-confirmed; the public record shows the date")
    @ApiResponse(responseCode = "403", description = "Not a user of the product's lead applicant")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    @ApiResponse(responseCode = "409", description = "Not listed (not-listed), or more than 30 days before the anniversary (not-yet-due)")
    @ApiResponse(responseCode = "422", description = "inProduction or noUnreportedIncident not confirmed (must-confirm), selfAssessmentAccurate "
            + "missing (required), updatedSelfAssessment or one of its ratings or its explanation missing while the self-assessment is not "
            + "accurate (required-when-not-accurate), or given while it is (only-when-not-accurate); the field named")
    public PublicViews.Detail reconfirm(CurrentUser user, @PathVariable String id, @RequestBody ReconfirmRequest r) {
        // the product's public page: the listing itself names objectors and the declared ratings, which only the office sees
        return PublicViews.detail(register.reconfirm(user, id, r.inProduction(), r.noUnreportedIncident(), r.selfAssessmentAccurate(),
                r.updatedSelfAssessment(), r.note()));
    }

    @GetMapping("/{id}/reconfirmations")
    @Operation(summary = "A listed product's yearly re-confirmations, newest first, with the self-assessments its lead updated "
            + "(the office, and users of the lead organisation); never public")
    @ApiResponse(responseCode = "200", description = "The re-confirmations")
    @ApiResponse(responseCode = "403", description = "Neither the office nor a user of the product's lead applicant")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    public ReconfirmationsView reconfirmations(CurrentUser user, @PathVariable String id) {
        return ReconfirmationsView.of(register.reconfirmations(user, id));
    }

    @GetMapping("/reconfirmations/overdue")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Listed products overdue for their yearly re-confirmation, longest overdue first (office); they may be delisted under Art. 12 (四)",
            description = "Each item's reconfirmation shows selfAssessmentUpdatedAt when the lead last updated the self-assessment, and the "
                    + "confirmations with the ratings it declared.")
    public Page<Listing> overdue(@RequestParam(required = false) String page, @RequestParam(required = false) String size) {
        ListQuery query = ListQuery.of(null, null, null, null, null, null, null, page, size);
        return listings.overdue(query.page(), query.size());
    }

    @PostMapping("/schedule/run")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "List now every product whose notice has ended (the notice timer does it when due, the schedule every 30 s)")
    public Map<String, Integer> runSchedule() {
        return Map.of("listed", register.listDue(), "overdueFlagged", register.flagOverdue());
    }
}
