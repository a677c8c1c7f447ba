package org.qingdan.notification.notification.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.qingdan.notification.notification.NotificationService;
import org.qingdan.notification.notification.domain.Channel;
import org.qingdan.notification.notification.persistence.NotificationDocument;
import org.qingdan.support.security.CurrentUser;
import org.qingdan.support.web.ProblemException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each user's inbox: what was addressed to the user, to the user's organisation (from the token), to one
 * of the user's roles, or to all members. Nobody reads anyone else's. Read state is per user.
 */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "站内通知 Inbox", description = "Each user's own notifications; mail deliveries for the office")
public class InboxController {

    private final MongoTemplate mongo;
    private final NotificationService notifications;

    public InboxController(MongoTemplate mongo, NotificationService notifications) {
        this.mongo = mongo;
        this.notifications = notifications;
    }

    public record Item(String id, String eventType, String subject, String text, Instant createdAt, boolean read) {
    }

    static List<String> addressesOf(CurrentUser user) {
        List<String> keys = new ArrayList<>();
        keys.add("user:" + user.username());
        user.organisation().ifPresent(org -> keys.add("org:" + org));
        user.roles().forEach(role -> keys.add("role:" + role));
        keys.add("all");
        return keys;
    }

    private Criteria mine(CurrentUser user) {
        return Criteria.where("channel").is(Channel.INBOX).and("recipient").in(addressesOf(user));
    }

    @GetMapping
    @Operation(summary = "My notifications, newest first")
    public List<Item> inbox(CurrentUser user, @RequestParam(defaultValue = "false") boolean unread,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > 10_000 || size < 1 || size > 100) {
            throw ProblemException.badRequest("分页参数不正确", List.of(new org.qingdan.support.web.Violation("size", "range", "page ≥ 0，size 为 1 至 100")));
        }
        Criteria criteria = mine(user);
        if (unread) {
            criteria = criteria.and("readBy").ne(user.username());
        }
        return mongo.find(Query.query(criteria).with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                        .skip((long) page * size).limit(size), NotificationDocument.class).stream()
                .map(n -> new Item(n.id(), n.eventType(), n.subject(), n.text(), n.createdAt(),
                        n.readBy() != null && n.readBy().contains(user.username()))).toList();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of my notifications read")
    @ApiResponse(responseCode = "200", description = "Marked read")
    @ApiResponse(responseCode = "404", description = "通知不存在 (no such notification in the user's inbox)")
    public void read(CurrentUser user, @PathVariable String id) {
        var result = mongo.updateFirst(Query.query(mine(user).and("_id").is(id)), new Update().addToSet("readBy", user.username()),
                NotificationDocument.class);
        if (result.getMatchedCount() == 0) {
            throw ProblemException.notFound("通知 " + id + " 不存在");
        }
    }

    @GetMapping("/deliveries")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Mail deliveries by status (office): FAILED ones carry their reason")
    public List<NotificationDocument> deliveries(@RequestParam(defaultValue = "FAILED") String status) {
        return mongo.find(Query.query(Criteria.where("channel").is(Channel.EMAIL).and("status").is(status))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(200), NotificationDocument.class);
    }

    @PostMapping("/deliveries/{id}/retry")
    @PreAuthorize(Roles.OFFICE_OR_ADMIN)
    @Operation(summary = "Retry a failed mail (office)")
    @ApiResponse(responseCode = "200", description = "Queued again")
    @ApiResponse(responseCode = "409", description = "只有投递失败的邮件可以重试 (wrong-state): no failed mail with this id")
    public NotificationDocument retry(@PathVariable String id) {
        if (!notifications.retry(id)) {
            throw ProblemException.conflict("wrong-state", "只有投递失败的邮件可以重试");
        }
        return mongo.findById(id, NotificationDocument.class);
    }
}
