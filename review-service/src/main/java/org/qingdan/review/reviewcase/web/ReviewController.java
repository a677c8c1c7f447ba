package org.qingdan.review.reviewcase.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.contracts.form.ApplicationFormSnapshot;
import org.qingdan.contracts.form.AssessmentDimension;
import org.qingdan.contracts.form.PublicProduct;
import org.qingdan.contracts.form.Rating;
import org.qingdan.contracts.listing.ReReviewRequested;
import org.qingdan.review.reviewcase.CaseQuery;
import org.qingdan.review.reviewcase.ReviewService;
import org.qingdan.review.reviewcase.domain.ApprovalBarred;
import org.qingdan.review.reviewcase.domain.Assignment;
import org.qingdan.review.reviewcase.domain.CaseStatus;
import org.qingdan.review.reviewcase.domain.Decision;
import org.qingdan.review.reviewcase.domain.DelistingReason;
import org.qingdan.review.reviewcase.domain.ExclusionGround;
import org.qingdan.review.reviewcase.domain.Finding;
import org.qingdan.review.reviewcase.domain.ReReviewSubject;
import org.qingdan.review.reviewcase.domain.Reopening;
import org.qingdan.review.reviewcase.domain.Review;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.qingdan.review.reviewcase.domain.Scores;
import org.qingdan.review.reviewcase.events.FormAdapter;
import org.qingdan.review.reviewcase.events.ReReviewAdapter;
import org.qingdan.review.reviewer.domain.Reviewer;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.query.Page;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.Problems;
import org.qingdan.support.web.RefusalProblems;
import org.qingdan.support.web.Violation;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Review over REST: the reviewer pool, assignment, reviews, scores and the committee's decision. */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "评审 Reviews", description = "Reviewer pool, assignment with conflict rules, independent reviews, quorum, decision")
public class ReviewController {

    private final ReviewService reviews;

    public ReviewController(ReviewService reviews) {
        this.reviews = reviews;
    }

    public record ReviewInput(Map<AssessmentDimension, Rating> ratings, Boolean eligibilityConfirmed,
                              Map<ExclusionGround, Boolean> exclusionsFound, Boolean recommend, String commentsForCommittee,
                              String commentsForApplicant, Map<AssessmentDimension, String> dimensionComments) {
        Review toDraft() {
            return new Review(null, ratings, eligibilityConfirmed, exclusionsFound, recommend, commentsForCommittee,
                    commentsForApplicant, false, null, null, dimensionComments);
        }
    }

    public record ConflictInput(String reason) {
    }

    public record AssignInput(String reviewerId) {
    }

    public record ReopenInput(String reason) {
    }

    public record DecisionInput(String decision, List<String> reasons) {
    }

    /** A re-review's conclusion: KEEP_LISTED, or DELIST with the Art. 12 reason (and the Art. 5 ground for clause (三)). */
    public record ReReviewDecisionInput(String outcome, DelistingReason delistingReason, ExclusionGround exclusionGround,
                                        List<String> reasons) {
    }

    /** {@code reReview}: the case re-reviews a listed product (复核, Art. 12) rather than an application. */
    public record CaseSummary(String id, String applicationId, String productName, String applicantName, String status,
                              String statusLabel, int assigned, int needed, int submitted, Instant openedAt, boolean reReview) {
        static CaseSummary of(ReviewCase c) {
            return new CaseSummary(c.id(), c.applicationId(), c.productName(), c.applicantName(),
                    c.status().name(), c.status().label(), c.activeAssignments().size(), c.call().reviewersPerApplication(),
                    c.submittedReviews().size(), c.openedAt(), c.isReReview());
        }
    }

    /**
     * A case as the user may see it. For the office and the committee also {@code findings} (every Art. 5 situation
     * and every unconfirmed Art. 4 basis in the submitted reviews: while there is one, an approval is refused) and
     * {@code reopenings} (reviews the office reopened, with the answer as it was); null for an expert.
     */
    /** {@code form} is null on a re-review, which has {@code reReview} instead: the product, the report and the answers. */
    public record CaseView(CaseSummary summary, ApplicationFormSnapshot form, List<String> riskFlags, List<Integer> formVersionsSeen,
                           List<Assignment> assignments, List<Review> reviews, Scores scores, Decision decision, long version,
                           List<FindingView> findings, List<Reopening> reopenings, ReReviewView reReview) {
    }

    /**
     * A re-review's subject in the contract's words, as the API has always shown it (the schema keeps its name): the
     * case keeps its own copy.
     */
    @Schema(name = "ReReviewSubject")
    public record ReReviewView(String listingId, String reReviewId, PublicProduct product, ReReviewRequested.Report report,
                               List<ReReviewRequested.Response> responses, String reason, Instant requestedAt) {
        static ReReviewView of(ReReviewSubject s) {
            return s == null ? null : new ReReviewView(s.listingId(), s.reReviewId(), ReReviewAdapter.toContract(s.product()),
                    ReReviewAdapter.toContract(s.report()), s.responses().stream().map(ReReviewAdapter::toContract).toList(), s.reason(),
                    s.requestedAt());
        }
    }

    /** One finding that bars an approval, with its field, rule and Chinese label. */
    public record FindingView(String reviewerId, String reviewerName, String kind, String ground, String label, String field,
                              String rule, String commentsForCommittee) {
        static FindingView of(Finding f) {
            return new FindingView(f.reviewerId(), f.reviewerName(), f.kind().name(), f.ground() == null ? null : f.ground().name(),
                    f.label(), f.field(), f.rule(), f.commentsForCommittee());
        }
    }

    static CaseView view(Versioned<ReviewCase> v, CurrentUser user) {
        ReviewCase c = v.state();
        boolean all = ReviewService.seesAll(user);
        List<Review> visible = all ? c.reviews().stream().filter(Review::submitted).toList() : c.reviewsVisibleTo(user.username());
        List<Assignment> assignments = all ? c.assignments() : c.assignmentOf(user.username()).map(List::of).orElse(List.of());
        Scores scores = all && (c.status() == CaseStatus.READY_FOR_DECISION || c.status() == CaseStatus.DECIDED) ? c.scores() : null;
        return new CaseView(CaseSummary.of(c), FormAdapter.toContract(c.form()), c.riskFlags(), c.formVersionsSeen(), assignments, visible, scores,
                c.decision(), v.version(), all ? c.findings().stream().map(FindingView::of).toList() : null,
                all ? c.reopenings() : null, ReReviewView.of(c.reReview()));
    }

    @GetMapping("/reviewers")
    @Operation(summary = "The reviewer pool (专家库): every expert with expertise, organisation and load limit (office, committee)")
    @ApiResponse(responseCode = "200", description = "The experts")
    public List<Reviewer> pool(CurrentUser user) {
        if (!ReviewService.seesAll(user)) {
            throw org.qingdan.support.web.ProblemException.forbidden("只有专委会办公室可以查看专家库");
        }
        return reviews.pool();
    }

    @PutMapping("/reviewers/{id}")
    @Operation(summary = "Add or change an expert of the pool (office)")
    @ApiResponse(responseCode = "200", description = "Saved")
    public Reviewer saveReviewer(CurrentUser user, @PathVariable String id, @RequestBody Reviewer reviewer) {
        return reviews.saveReviewer(user, new Reviewer(id, reviewer.name(), reviewer.email(), reviewer.orgUscc(), reviewer.orgName(),
                reviewer.scenarios(), reviewer.technologies(), reviewer.loadLimit(), reviewer.active()));
    }

    @GetMapping("/cases")
    @Operation(summary = "One page of cases, newest first: all for the office and the committee, one's own active assignments for an expert",
            description = "page from 0 (at most " + CaseQuery.MAX_PAGE + "), size 1 to " + CaseQuery.MAX_SIZE + " (default "
                    + CaseQuery.DEFAULT_SIZE + "), status optional (OPEN, ASSIGNED, READY_FOR_DECISION, DECIDED, CLOSED); "
                    + "a bad value is a 400 naming the parameter. The answer is {items, page, size, total}.")
    public Page<CaseSummary> cases(CurrentUser user, @RequestParam(required = false) String status,
                                                  @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String size) {
        return reviews.visibleCases(user, CaseQuery.parse(status, page, size)).map(CaseSummary::of);
    }

    @GetMapping("/cases/{id}")
    @Operation(summary = "One review case (评审): the accepted form, assignments, the reviews the user may see, scores and decision; ETag is its version")
    @ApiResponse(responseCode = "200", description = "The case")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    public ResponseEntity<CaseView> one(CurrentUser user, @PathVariable String id) {
        Versioned<ReviewCase> v = reviews.get(user, id);
        return ResponseEntity.ok().eTag("\"" + v.version() + "\"").body(view(v, user));
    }

    @PostMapping("/cases/{id}/assignments/auto")
    @Operation(summary = "Fill the call's number of reviewers automatically (office)")
    @ApiResponse(responseCode = "200", description = "Assigned")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "Not open for assignment (wrong-state), too few experts without a conflict of interest (no-candidates), or a concurrent change won")
    public CaseSummary autoAssign(CurrentUser user, @PathVariable String id) {
        return CaseSummary.of(reviews.autoAssign(user, id));
    }

    @PostMapping("/cases/{id}/assignments")
    @Operation(summary = "Assign one expert by hand (office)")
    @ApiResponse(responseCode = "200", description = "Assigned")
    @ApiResponse(responseCode = "404", description = "No such case or expert")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    @ApiResponse(responseCode = "422", description = "The expert is inactive, already assigned, at the load limit, or has a conflict of interest (conflict-of-interest)")
    public CaseSummary assign(CurrentUser user, @PathVariable String id, @RequestBody AssignInput input) {
        return CaseSummary.of(reviews.assign(user, id, input.reviewerId()));
    }

    @PostMapping("/cases/{id}/conflict")
    @Operation(summary = "The assigned expert declares a conflict of interest")
    @ApiResponse(responseCode = "200", description = "Declared; the expert is withdrawn from the case")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public CaseSummary conflict(CurrentUser user, @PathVariable String id, @RequestBody ConflictInput input) {
        return CaseSummary.of(reviews.declareConflict(user, id, input.reason()));
    }

    @PutMapping("/cases/{id}/review")
    @Operation(summary = "Save my review as a draft")
    @ApiResponse(responseCode = "200", description = "Saved")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    public Review saveDraft(CurrentUser user, @PathVariable String id, @RequestBody ReviewInput input) {
        return reviews.saveDraft(user, id, input.toDraft()).reviewOf(user.username()).orElseThrow();
    }

    @PostMapping("/cases/{id}/review/submit")
    @Operation(summary = "Submit my review: every part is checked")
    @ApiResponse(responseCode = "200", description = "Submitted")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "当前状态不允许此操作 (wrong-state), or a concurrent change won (concurrent-modification)")
    @ApiResponse(responseCode = "422", description = "内容不符合要求 (validation): every missing or invalid part with its field and rule")
    public Review submit(CurrentUser user, @PathVariable String id) {
        return reviews.submit(user, id).reviewOf(user.username()).orElseThrow();
    }

    @PostMapping("/cases/{id}/reviews/{reviewerId}/reopen")
    @Operation(summary = "Reopen one expert's submitted review for a second look (office)",
            description = "The review becomes the expert's draft again and the case waits for it; the answer as submitted "
                    + "stays in the case's reopenings. Before the decision only, at most " + ReviewCase.MAX_REOPENINGS_PER_REVIEWER
                    + " times per expert.")
    @ApiResponse(responseCode = "200", description = "Reopened")
    @ApiResponse(responseCode = "404", description = "No such case, or the expert has no submitted review in it")
    @ApiResponse(responseCode = "409", description = "Decided already, reopened too often (wrong-state), or a concurrent change won")
    public CaseSummary reopen(CurrentUser user, @PathVariable String id, @PathVariable String reviewerId,
                              @RequestBody ReopenInput input) {
        return CaseSummary.of(reviews.reopen(user, id, reviewerId, input.reason()));
    }

    @PostMapping("/cases/{id}/decision")
    @Operation(summary = "The committee's decision: APPROVED or REJECTED with reasons, exactly once (committee or office)",
            description = "An approval is a 409 problem (type approval-barred) while any submitted review finds an Art. 5 "
                    + "situation or does not confirm the Art. 4 basis: each violation names the review's field and the rule, "
                    + "and `findings` lists them; reject, or let the office reopen the review.")
    @ApiResponse(responseCode = "200", description = "Decided")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "Approval barred by a review (approval-barred, with findings), decided already or not ready (wrong-state), or a concurrent change won")
    public Decision decide(CurrentUser user, @PathVariable String id, @RequestBody DecisionInput input,
                           @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (input.decision() == null || !(input.decision().equals("APPROVED") || input.decision().equals("REJECTED"))) {
            throw org.qingdan.support.web.ProblemException.invalid("请选择审核结果",
                    List.of(new Violation("decision", "closed-list", "APPROVED 或 REJECTED")));
        }
        Long expected = org.qingdan.support.web.IfMatch.version(ifMatch);
        return reviews.decide(user, id, input.decision().equals("APPROVED"), input.reasons(), expected).decision();
    }

    @PostMapping("/cases/{id}/re-review-decision")
    @Operation(summary = "The committee's conclusion of a re-review (复核): KEEP_LISTED (复核保留) or DELIST for an Art. 12 reason, exactly once (committee or office)",
            description = "Keeping is a 409 problem (approval-barred) while any submitted review finds an Art. 5 situation or does not "
                    + "confirm the Art. 4 basis. listing-service applies the conclusion to the listing.")
    @ApiResponse(responseCode = "200", description = "Decided")
    @ApiResponse(responseCode = "404", description = "评审不存在，或不是本用户可见的 (no such review case, or not one the user may see)")
    @ApiResponse(responseCode = "409", description = "Keeping barred by a review (approval-barred), decided already or not ready (wrong-state), or a concurrent change won")
    public Decision decideReReview(CurrentUser user, @PathVariable String id, @RequestBody ReReviewDecisionInput input,
                                   @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        if (input.outcome() == null || !(input.outcome().equals("KEEP_LISTED") || input.outcome().equals("DELIST"))) {
            throw org.qingdan.support.web.ProblemException.invalid("请选择复核结论",
                    List.of(new Violation("outcome", "closed-list", "KEEP_LISTED 或 DELIST")));
        }
        Long expected = org.qingdan.support.web.IfMatch.version(ifMatch);
        return reviews.decideReReview(user, id, input.outcome().equals("KEEP_LISTED"), input.delistingReason(), input.exclusionGround(),
                input.reasons(), expected).decision();
    }

    /**
     * A barred approval answers as every refusal does (RefusalProblems), with what each review found: the findings
     * are this API's own view, hence the one refusal handled here.
     */
    @ExceptionHandler(ApprovalBarred.class)
    ResponseEntity<ProblemDetail> barred(ApprovalBarred e) {
        return Problems.response(RefusalProblems.problem(e,
                Map.of("findings", e.findings().stream().map(FindingView::of).toList())));
    }
}
