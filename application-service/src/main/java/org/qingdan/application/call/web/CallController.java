package org.qingdan.application.call.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.application.call.CallService;
import org.qingdan.application.call.domain.Call;
import org.qingdan.support.domain.Versioned;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.security.Roles;
import org.qingdan.support.web.Idempotency;
import org.qingdan.support.web.IfMatch;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calls")
@Tag(name = "征集 Calls", description = "Calls for applications (Art. 11)")
public class CallController {

    private final CallService calls;

    public CallController(CallService calls) {
        this.calls = calls;
    }

    /** What the office sends to plan a call; omitted notice length and reviewers take the defaults (7 days, 3). */
    public record CallRequest(String title, Integer year, Instant opensAt, Instant closesAt, Integer publicNoticeDays,
                              Integer reviewersPerApplication) {
    }

    public record CallView(String id, String title, int year, Instant opensAt, Instant closesAt, int publicNoticeDays,
                           int reviewersPerApplication, String status, String statusLabel, long version) {

        static CallView of(Call c, long version) {
            String label = switch (c.status()) {
                case PLANNED -> "未开放";
                case OPEN -> "征集中";
                case CLOSED -> "已截止";
            };
            return new CallView(c.id(), c.title(), c.year(), c.opensAt(), c.closesAt(), c.publicNoticeDays(),
                    c.reviewersPerApplication(), c.status().name(), label, version);
        }
    }

    @PostMapping
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Plan a call (office)", description = "Accepts an Idempotency-Key header.")
    @ApiResponse(responseCode = "201", description = "Planned: the call, with Location and ETag")
    @ApiResponse(responseCode = "422", description = "征集设置不符合要求 (validation, each field and rule), or the Idempotency-Key was used for other content (idempotency-key-reused)")
    public ResponseEntity<CallView> plan(CurrentUser user, @RequestBody CallRequest request,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key) {
        String hash = Idempotency.hash(String.valueOf(request));
        Versioned<Call> saved = calls.plan(user, new CallService.Draft(request.title(), request.year(), request.opensAt(),
                request.closesAt(), request.publicNoticeDays(), request.reviewersPerApplication()), key, hash);
        return ResponseEntity.created(URI.create("/api/calls/" + saved.state().id()))
                .eTag(IfMatch.etag(saved.version())).body(CallView.of(saved.state(), saved.version()));
    }

    @GetMapping
    @Operation(summary = "All calls, newest year first")
    public List<CallView> all() {
        return calls.all().stream().map(v -> CallView.of(v.state(), v.version())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One call (征集); ETag is its version")
    @ApiResponse(responseCode = "200", description = "The call")
    @ApiResponse(responseCode = "404", description = "征集不存在 (no such call)")
    public ResponseEntity<CallView> one(@PathVariable String id) {
        Versioned<Call> found = calls.get(id);
        return ResponseEntity.ok().eTag(IfMatch.etag(found.version())).body(CallView.of(found.state(), found.version()));
    }

    @PostMapping("/{id}/open")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Open a planned call (office)", description = "Publishes application.call-opened.v1: every member hears of it.")
    @ApiResponse(responseCode = "200", description = "Open")
    @ApiResponse(responseCode = "404", description = "征集不存在 (no such call)")
    @ApiResponse(responseCode = "409", description = "Not PLANNED (wrong-state), or a concurrent change won")
    public ResponseEntity<CallView> open(CurrentUser user, @PathVariable String id,
                                         @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versioned<Call> saved = calls.open(user, id, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(saved.version())).body(CallView.of(saved.state(), saved.version()));
    }

    @PostMapping("/{id}/close")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Close an open call (office)", description = "Publishes application.call-closed.v1: every member hears of it.")
    @ApiResponse(responseCode = "200", description = "Closed")
    @ApiResponse(responseCode = "404", description = "征集不存在 (no such call)")
    @ApiResponse(responseCode = "409", description = "Not OPEN (wrong-state), or a concurrent change won")
    public ResponseEntity<CallView> close(CurrentUser user, @PathVariable String id,
                                          @RequestHeader(value = "If-Match", required = false) String ifMatch) {
        Versioned<Call> saved = calls.close(user, id, IfMatch.version(ifMatch));
        return ResponseEntity.ok().eTag(IfMatch.etag(saved.version())).body(CallView.of(saved.state(), saved.version()));
    }
}
