package org.qingdan.listing.announcement.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.listing.announcement.AnnouncementService;
import org.qingdan.listing.announcement.domain.AnnouncementKind;
import org.qingdan.support.audit.AuditRecorder;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The office completes an announcement before it is final: its document number (文号) and a contact line. */
@RestController
@RequestMapping("/api/listings/announcements")
@Tag(name = "清单管理 Listings", description = "Objections during notice, delisting (Art. 12), voluntary withdrawal (Art. 3)")
public class AnnouncementOfficeController {

    private final AnnouncementService announcements;

    public AnnouncementOfficeController(AnnouncementService announcements) {
        this.announcements = announcements;
    }

    /** The office's additions; blank or absent removes one. */
    public record AmendRequest(String documentNumber, String contact) {
    }

    @GetMapping("/{kind}/{date}/audit")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "An announcement's audit trail, oldest first (office)",
            description = "Each change of its 文号 and contact line: when, who (user id and name, organisation, roles) and the request's trace id.")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "没有该日的公示 (no product entered notice, or left the list, that day; or no such kind)")
    public AuditRecorder.Page trail(@PathVariable @Parameter(description = "public-notice or delisting") String kind,
                                    @PathVariable @Parameter(description = "the day, yyyy-MM-dd (China time)") String date,
                                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return announcements.trail(kind(kind), PublicAnnouncementController.day(date), page, size);
    }

    @PutMapping("/{kind}/{date}")
    @Operation(summary = "Set an announcement's 文号 and contact line before it is final (office)",
            description = "Final: once the announced day (China time) is over and qingdan.announcements.amendable-for (one day) has "
                    + "passed. Each change is in the audit trail.")
    @ApiResponse(responseCode = "200", description = "The announcement as it now reads")
    @ApiResponse(responseCode = "404", description = "没有该日的公示 (no product entered notice, or left the list, that day; or no such kind)")
    @ApiResponse(responseCode = "409", description = "公示已定稿 (announcement-final): it can no longer change")
    public AnnouncementView amend(CurrentUser user, @PathVariable @Parameter(description = "public-notice or delisting") String kind,
                                  @PathVariable @Parameter(description = "the day, yyyy-MM-dd (China time)") String date,
                                  @RequestBody AmendRequest request) {
        return AnnouncementView.of(announcements.amend(user, kind(kind), PublicAnnouncementController.day(date), request.documentNumber(),
                request.contact()));
    }

    static AnnouncementKind kind(String slug) {
        return AnnouncementKind.bySlug(slug).orElseThrow(() -> ProblemException.notFound("没有这种公示：" + slug));
    }
}
