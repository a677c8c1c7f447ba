package org.qingdan.application.intake.web;

import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.domain.Application;
import org.qingdan.application.intake.domain.ApplicationForm;
import org.qingdan.application.intake.domain.ParticipantConfirmation;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.IfMatch;
import org.qingdan.support.web.ProblemException;
import org.qingdan.support.web.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Participation in joint applications (Art. 8, Annex 2 §1): a participant organisation named in a form sees, read-only,
 * the application's lead and product and its own row, and confirms its role or declines with a reason. The organisation is
 * the token's ({@code org_uscc}); never the whole form, another participant's row or the lead's files.
 */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "参与机构 Participation", description = "Participants of joint applications confirm or decline their role (Art. 8)")
public class ParticipationController {

    private final ApplicationService applications;

    public ParticipationController(ApplicationService applications) {
        this.applications = applications;
    }

    public record ConfirmRequest(String role) {
    }

    public record DeclineRequest(String reason) {
    }

    /** The participant's own answer; {@code current}: given for the role it has now. */
    public record Answer(String decision, String decisionLabel, String role, String reason, String by, Instant at, boolean current) {
    }

    /**
     * What a participant sees of an application naming it: the lead, the product, its own row and its answer.
     * {@code confirmation} is null until it answered for its current role.
     */
    public record ParticipationView(String applicationId, String callId, String status, String statusLabel, String leadUscc,
                                    String leadName, String productName, String productIntroduction, String enterpriseName,
                                    ApplicationForm.Participant participant, Answer confirmation, long version, Instant createdAt) {
        public static ParticipationView of(Application a, String org, long version) {
            ApplicationForm.Participant row = a.participant(org).orElseThrow();
            Answer answer = a.confirmationOf(org).map(c -> new Answer(c.decision().name(), c.decision().label(), c.role(), c.reason(),
                    c.by().name(), c.at(), ParticipantConfirmation.sameRole(c.role(), row.role()))).orElse(null);
            var product = a.draft().product();
            return new ParticipationView(a.id(), a.callId(), a.status().name(), a.status().label(), a.ownerUscc(), a.ownerName(),
                    product == null ? null : product.name(), product == null ? null : product.introduction(),
                    a.draft().enterprise() == null ? null : a.draft().enterprise().name(), row, answer, version, a.createdAt());
        }
    }

    @GetMapping("/participations")
    @Operation(summary = "Applications that name the user's organisation as a participant, newest first (applicant, vendor)")
    public List<ParticipationView> list(CurrentUser user, @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw ProblemException.badRequest("分页参数不正确", List.of(new Violation(size < 1 || size > 100 ? "size" : "page", "range",
                    "page 为 0 至 10000，size 为 1 至 100")));
        }
        String org = user.orgUscc();
        return applications.participations(user, page, size).stream()
                .map(v -> ParticipationView.of(v.state(), org, v.version())).toList();
    }

    @GetMapping("/{id}/participation")
    @Operation(summary = "What a participant sees of an application naming it: lead, product, its own row and answer; ETag is the version")
    @ApiResponse(responseCode = "200", description = "The participant's view")
    @ApiResponse(responseCode = "404", description = "申报不存在，或未列本机构为参与机构 (no such application, or it does not name the user's organisation)")
    public ResponseEntity<ParticipationView> one(CurrentUser user, @PathVariable String id) {
        return view(user, applications.participation(user, id));
    }

    @PostMapping("/{id}/participation/confirm")
    @Operation(summary = "The participant confirms its role (协商一致, Art. 8)",
            description = "role, when given, must be the role the form names now; the lead changing the role later asks the participant again.")
    @ApiResponse(responseCode = "200", description = "Confirmed")
    @ApiResponse(responseCode = "404", description = "申报不存在，或未列本机构为参与机构 (no such application, or it does not name the user's organisation)")
    @ApiResponse(responseCode = "409", description = "分工已变更 (participant-role-changed), or the application is no longer with the lead (wrong-state), or a concurrent change won")
    public ResponseEntity<ParticipationView> confirm(CurrentUser user, @PathVariable String id,
                                                     @RequestBody(required = false) ConfirmRequest request,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return view(user, applications.confirmParticipation(user, id, request == null ? null : request.role(), IfMatch.version(ifMatch)));
    }

    @PostMapping("/{id}/participation/decline")
    @Operation(summary = "The participant declines its role, with a reason; the lead cannot submit while it stands")
    @ApiResponse(responseCode = "200", description = "Declined")
    @ApiResponse(responseCode = "404", description = "申报不存在，或未列本机构为参与机构 (no such application, or it does not name the user's organisation)")
    @ApiResponse(responseCode = "409", description = "The application is no longer with the lead (wrong-state), or a concurrent change won")
    public ResponseEntity<ParticipationView> decline(CurrentUser user, @PathVariable String id, @RequestBody DeclineRequest request,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        return view(user, applications.declineParticipation(user, id, request.reason(), IfMatch.version(ifMatch)));
    }

    private static ResponseEntity<ParticipationView> view(CurrentUser user, Versioned<Application> v) {
        return ResponseEntity.ok().eTag(IfMatch.etag(v.version())).body(ParticipationView.of(v.state(), user.orgUscc(), v.version()));
    }
}
