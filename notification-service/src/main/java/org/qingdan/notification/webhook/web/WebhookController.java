package org.qingdan.notification.webhook.web;

import org.qingdan.support.security.Roles;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.qingdan.notification.webhook.WebhookDeliveryView;
import org.qingdan.notification.webhook.WebhookService;
import org.qingdan.notification.webhook.domain.Subscription;
import org.qingdan.notification.webhook.domain.SubscriptionStatus;
import org.qingdan.support.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhook subscribers: the office's (the association website, a WeChat publishing bridge), and each member
 * organisation's own (its news only). A member sees and changes its organisation's subscribers only.
 */
@RestController
@RequestMapping("/api/webhooks")
@PreAuthorize(Roles.OFFICE_OR_MEMBER)
@Tag(name = "Webhook 订阅", description = "Signed deliveries of domain events to subscribers")
public class WebhookController {

    private final WebhookService webhooks;

    public WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    public record Registration(String url, List<String> eventTypes, String description) {
    }

    /** {@code ownerOrgUscc}: null for the office's subscribers, the organisation's USCC for a member's. */
    public record SubscriberView(String id, String url, List<String> eventTypes, String description, boolean paused,
                                 SubscriptionStatus status, int consecutiveFailures, String lastError, String ownerOrgUscc) {
        static SubscriberView of(Subscription s) {
            return new SubscriberView(s.id(), s.url(), s.eventTypes(), s.description(), s.paused(), s.status(), s.consecutiveFailures(),
                    WebhookService.shownError(s.lastError()), s.ownerOrgUscc());
        }
    }

    @PostMapping
    @Operation(summary = "Register a subscriber; the answer shows its signing secret, once",
            description = "The office's receive every public event of their types; an applicant's or vendor's is its organisation's "
                    + "(from the token) and receives only that organisation's news: the products it marked as in use (我行在用).")
    @ApiResponse(responseCode = "201", description = "Registered: the subscriber, its secret (shown this once) and how deliveries are signed")
    @ApiResponse(responseCode = "422", description = "订阅设置不正确: the url is not https (https-url), not resolvable (resolvable) or not a public address (public-address), or an event type is unknown (closed-list) or, for a member, not among its own news (member-event-types)")
    public ResponseEntity<Map<String, Object>> register(CurrentUser user, @RequestBody Registration r) {
        WebhookService.Registered registered = webhooks.register(r.url(), r.eventTypes(), r.description(), user);
        return ResponseEntity.status(201).body(Map.of("subscriber", SubscriberView.of(registered.subscriber()),
                "secret", registered.secret(),
                "signature", "X-Qingdan-Signature: v1=hex(HMAC-SHA256(secret, X-Qingdan-Timestamp + \".\" + body))"));
    }

    @GetMapping
    @Operation(summary = "The webhook subscribers (Webhook 订阅), oldest first, with their state and last error's category: the office's to the office, a member's organisation's own to a member")
    @ApiResponse(responseCode = "200", description = "The subscribers")
    public List<SubscriberView> all(CurrentUser user) {
        return webhooks.subscribers(user).stream().map(SubscriberView::of).toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a subscriber (删除订阅); nothing more is delivered to it")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", description = "订阅不存在 (no such subscriber)")
    public ResponseEntity<Void> remove(CurrentUser user, @PathVariable String id) {
        webhooks.remove(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume a paused subscriber; what waited is delivered")
    @ApiResponse(responseCode = "204", description = "Resumed")
    @ApiResponse(responseCode = "404", description = "订阅不存在 (no such subscriber)")
    public ResponseEntity<Void> resume(CurrentUser user, @PathVariable String id) {
        webhooks.resume(user, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "A subscriber's audit trail, oldest first: registered, paused, resumed, removed (the office: any, a removed one's too; a member: its own)",
            description = "Every command: when, who (user id and name, organisation, roles; or the system), what and the request's trace id.")
    @ApiResponse(responseCode = "200", description = "One page of the trail and its total")
    @ApiResponse(responseCode = "404", description = "订阅不存在 (no such subscriber, now or before, or not the member's)")
    public org.qingdan.support.audit.AuditRecorder.Page audit(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "0") int page,
                                                               @RequestParam(defaultValue = "50") int size) {
        return webhooks.trail(user, id, page, size);
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The subscriber's deliveries, newest first: status, attempts, last error and status code")
    @ApiResponse(responseCode = "200", description = "At most 200 deliveries; for the office, empty for an unknown subscriber")
    @ApiResponse(responseCode = "404", description = "订阅不存在 (a member asked for a subscriber not its organisation's)")
    public List<WebhookDeliveryView> deliveries(CurrentUser user, @PathVariable String id) {
        return webhooks.deliveries(user, id);
    }
}
