package org.qingdan.application.call.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.qingdan.application.call.CallService;
import org.qingdan.application.call.domain.Call;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The calls that take applications now, for anyone: the association website shows them (Art. 11). */
@RestController
@Tag(name = "公开 Public", description = "Anonymous: the open calls for applications")
public class PublicCallController {

    private final CallService calls;

    public PublicCallController(CallService calls) {
        this.calls = calls;
    }

    /** A call as the public sees it: no internal settings beyond what an applicant needs to know. */
    public record PublicCall(String id, String title, int year, Instant opensAt, Instant closesAt, String status, String statusLabel,
                             int publicNoticeDays) {
        static PublicCall of(Call c) {
            return new PublicCall(c.id(), c.title(), c.year(), c.opensAt(), c.closesAt(), c.status().name(), "征集中", c.publicNoticeDays());
        }
    }

    @GetMapping("/api/public/calls")
    @Operation(summary = "The calls open now (征集中), closing soonest first; anonymous",
            description = "Open by the office and not past their closing time; at most 100.")
    public ResponseEntity<List<PublicCall>> open() {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic())
                .body(calls.openNow().stream().map(PublicCall::of).toList());
    }
}
