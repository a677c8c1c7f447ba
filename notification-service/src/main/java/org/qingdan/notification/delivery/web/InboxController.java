package org.qingdan.notification.delivery.web;

import java.util.List;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.qingdan.notification.delivery.Inbox;
import org.qingdan.notification.delivery.MailDeliveries;
import org.qingdan.notification.delivery.NotificationService;
import org.qingdan.support.domain.Refusal;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.security.Roles;
import org.qingdan.support.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each user's inbox ({@link Inbox}: nobody reads anyone else's) and, for the office, the mail deliveries. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "站内通知 Inbox", description = "Each user's own notifications; mail deliveries for the office")
public class InboxController {

    private final Inbox inbox;
    private final MailDeliveries mails;
    private final NotificationService notifications;

    public InboxController(Inbox inbox, MailDeliveries mails, NotificationService notifications) {
        this.inbox = inbox;
        this.mails = mails;
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first")
    public List<Inbox.Item> inbox(CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw ProblemException.badRequest("分页参数不正确", List.of(new org.qingdan.support.web.Violation("size", "range", "page ≥ 0，size 为 1 至 100")));
        }
        return inbox.page(user, unread, page, size);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    @ApiResponse(responseCode = "200", description = "Marked read")
    @ApiResponse(responseCode = "404", description = "通知不存在 (no such notification in the user's inbox)")
    public void read(CurrentUser user, @PathVariable String id) {
        if (!inbox.markRead(user, id)) {
            throw ProblemException.notFound("通知 " + id + " 不存在");
        }
    }

    @GetMapping("/deliveries")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Mail deliveries by status (office): FAILED ones carry their reason")
    public List<MailDeliveries.MailDeliveryView> deliveries(@RequestParam(defaultValue = "FAILED") String status) {
        return mails.withStatus(status);
    }

    @PostMapping("/deliveries/{id}/retry")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Retry a failed mail (office)")
    @ApiResponse(responseCode = "200", description = "Queued again")
    @ApiResponse(responseCode = "409", description = "只有投递失败的邮件可以重试 (wrong-state): no failed mail with this id")
    public MailDeliveries.MailDeliveryView retry(@PathVariable String id) {
        if (!notifications.retry(id)) {
            throw Refusal.wrongState("只有投递失败的邮件可以重试");
        }
        return mails.find(id).orElse(null);
    }
}
