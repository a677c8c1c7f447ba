package org.qingdan.support.time.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.security.Roles;
import org.qingdan.support.time.ClockControlAutoConfiguration;
import org.qingdan.support.time.ShiftedClock;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads and moves the development clock (admins only); registered by {@link ClockControlAutoConfiguration}. */
@RestController
@RequestMapping("/dev/clock")
@PreAuthorize(Roles.ADMIN_ONLY)
@Tag(name = "开发时钟 Development clock", description = "Development only (qingdan.dev.clock-control): the service's clock, moved forward by an admin")
public class ClockController {

    private final ShiftedClock clock;

    public ClockController(ShiftedClock clock) {
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "The development clock (开发时钟): its time and how far it is ahead of the system's")
    public ClockState read() {
        return new ClockState(clock.instant(), clock.offset().toString());
    }

    @PostMapping("/advance")
    @Operation(summary = "Move the development clock forward (拨快时钟) by an ISO-8601 duration such as P8D; never back")
    public ClockState advance(@RequestBody Advance request) {
        Duration by;
        try {
            by = Duration.parse(request.by() == null ? "" : request.by());
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("by 须为 ISO-8601 时长，如 P8D",
                    List.of(new Refusal.Violation("by", "iso-8601-duration", "须为 ISO-8601 时长，如 P8D 或 PT1H")));
        }
        if (by.isNegative() || by.isZero()) {
            throw Refusal.invalid("时间只能向前拨",
                    List.of(new Refusal.Violation("by", "forward-only", "时间只能向前拨（正的时长）")));
        }
        clock.advance(by);
        LoggerFactory.getLogger(ClockController.class).warn("clock moved forward by {}; now {}", by, clock.instant());
        return read();
    }

    /** What the clock says: its time and how far it is ahead of the system's (ISO-8601, e.g. {@code PT192H}). */
    public record ClockState(Instant now, String offset) {
    }

    /** {@code by}: an ISO-8601 duration, e.g. {@code P8D} or {@code PT1H}. */
    public record Advance(String by) {
    }
}
