package org.qingdan.review.reviewcase.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.review.reviewcase.ReviewService;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.security.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office reads the whole audit trail of a review case or of a pool expert, a page at a time, oldest first. */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "审计 Audit", description = "Who did what, when and from which request, on each review case and pool expert (office)")
public class ReviewAuditController {

    private final ReviewService reviews;

    public ReviewAuditController(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/cases/{id}/audit")
    @Operation(summary = "A review case's audit trail, oldest first (office)",
            description = "Every command: when, who (user id and name, organisation, roles; or the system), what (action, detail) and the request's trace id.")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "评审不存在 (no such case)")
    public AuditRecorder.Page caseTrail(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "50") int size) {
        return reviews.caseTrail(user, id, page, size);
    }

    @GetMapping("/reviewers/{id}/audit")
    @Operation(summary = "A pool expert's audit trail, oldest first (office)")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "专家不在专家库中 (no such expert)")
    public AuditRecorder.Page reviewerTrail(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return reviews.reviewerTrail(user, id, page, size);
    }
}
