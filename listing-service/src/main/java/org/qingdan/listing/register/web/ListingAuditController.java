package org.qingdan.listing.register.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.listing.register.RegisterService;
import org.qingdan.support.audit.AuditRecorder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The office reads a listing's whole audit trail: who in the office, which member, when and from which request. The
 * public history names only the body that acted.
 */
@RestController
@Tag(name = "审计 Audit", description = "Who did what, when and from which request, on each listing (office)")
public class ListingAuditController {

    private final RegisterService register;

    public ListingAuditController(RegisterService register) {
        this.register = register;
    }

    @GetMapping("/api/listings/{id}/audit")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "A listing's audit trail, oldest first (office)",
            description = "Every command: when, who (user id and name, organisation, roles; or the system), what (action, detail) and the request's trace id.")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "清单条目不存在 (no such listing)")
    public AuditRecorder.Page trail(@PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        return register.trail(id, page, size);
    }
}
