package org.qingdan.application.shared;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.application.intake.ApplicationService;
import org.qingdan.application.intake.persistence.ApplicationStore;
import org.qingdan.application.call.CallService;
import org.qingdan.application.call.persistence.CallStore;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.domain.Refusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office reads the whole audit trail of an application or a call, a page at a time, oldest first. */
@RestController
@Tag(name = "审计 Audit", description = "Who did what, when and from which request, on each application and call (office)")
public class AuditController {

    private final AuditRecorder audit;
    private final ApplicationStore applications;
    private final CallStore calls;

    public AuditController(AuditRecorder audit, ApplicationStore applications, CallStore calls) {
        this.audit = audit;
        this.applications = applications;
        this.calls = calls;
    }

    @GetMapping("/api/applications/{id}/audit")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "An application's audit trail, oldest first (office)",
            description = "Every command: when, who (user id and name, organisation, roles; or the system), what (action, detail) and the request's trace id.")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "申报不存在 (no such application)")
    public AuditRecorder.Page application(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        applications.find(id).orElseThrow(() -> Refusal.notFound("申报 " + id + " 不存在"));
        return audit.trail(ApplicationService.AUDIT_TYPE, id, page, size);
    }

    @GetMapping("/api/calls/{id}/audit")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "A call's audit trail, oldest first (office)")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "征集不存在 (no such call)")
    public AuditRecorder.Page call(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        calls.find(id).orElseThrow(() -> Refusal.notFound("征集 " + id + " 不存在"));
        return audit.trail(CallService.AUDIT_TYPE, id, page, size);
    }
}
