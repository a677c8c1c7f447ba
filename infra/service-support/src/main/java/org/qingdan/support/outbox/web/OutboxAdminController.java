package org.qingdan.support.outbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.qingdan.support.outbox.OutboxAutoConfiguration;
import org.qingdan.support.outbox.OutboxRelay;
import org.qingdan.support.outbox.ParkedEvents;
import org.qingdan.support.outbox.ParkedEvents.ParkedEvent;
import org.qingdan.support.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events the broker refused for good (parked by the {@link OutboxRelay}), for admins: which document,
 * which event, why and when. At most {@value ParkedEvents#LIMIT} a request, oldest documents first; the count of all is
 * the metric {@code qingdan_outbox_parked_total}. Registered by {@link OutboxAutoConfiguration}.
 */
@RestController
@RequestMapping("/admin/outbox")
@PreAuthorize(Roles.ADMIN_ONLY)
@Tag(name = "发件箱 Outbox (admin)", description = "Events the broker refused for good, parked beside their documents. Role admin.")
public class OutboxAdminController {

    private final ParkedEvents parked;

    public OutboxAdminController(ParkedEvents parked) {
        this.parked = parked;
    }

    @GetMapping("/parked")
    @Operation(summary = "Parked events (搁置的事件): which document, which event, why and when; at most 100, oldest documents first")
    @ApiResponse(responseCode = "200", description = "The parked events; empty when none")
    public List<ParkedEvent> parked() {
        return parked.oldest();
    }
}
