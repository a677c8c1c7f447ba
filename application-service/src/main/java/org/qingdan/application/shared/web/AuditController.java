package org.qingdan.application.shared.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.application.shared.AuditQueries;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office reads the whole audit trail of an application or a call, a page at a time, oldest first. */
@RestController
@Tag(name = "审计 Audit", description = "Who did what, when and from which request, on each application and call (office)")
public class AuditController {

    private final AuditQueries trails;

    public AuditController(AuditQueries trails) {
        this.trails = trails;
    }

    @GetMapping("/api/applications/{id}/audit")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "An application's audit trail, oldest first (office)",
            description = "Every command: when, who (user id and name, organisation, roles; or the system), what (action, detail) and the request's trace id.")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "申报不存在 (no such application)")
    public AuditRecorder.Page application(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                          @RequestParam(defaultValue = "50") int size) {
        return trails.application(id, page, size);
    }

    @GetMapping("/api/calls/{id}/audit")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "A call's audit trail, oldest first (office)")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "征集不存在 (no such call)")
    public AuditRecorder.Page call(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        return trails.call(id, page, size);
    }
}
