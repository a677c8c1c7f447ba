package org.qingdan.application.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The organisation's inbox in the portal. The inbox is notification-service's (its API {@code /api/notifications}: the
 * notifications addressed to the user, its organisation or its roles); this service keeps no copy and reads none of its
 * data. Why the server fetches it, with the signed-in user's own access token, rather than the page: the page's session
 * is the portal's cookie, and the gateway keeps no session of its own — it only checks bearer tokens — so a same-origin
 * fetch from the browser would reach the gateway without a token and be refused, unless the page held the token
 * (script-readable tokens are what the session avoids). Fetching for the page is the exception to "events, not calls"
 * that the reviewer UI's attachment proxy also makes: the user's own request, with the user's rights, guarded by a
 * circuit breaker and short timeouts; when notification-service does not answer, the page says so and everything else
 * of the portal works.
 */
@Component
public class PortalInbox {

    /** One notification as notification-service answers it. */
    public record Item(String id, String eventType, String subject, String text, Instant createdAt, boolean read) {
    }

    private final NotificationServiceCalls notificationService;

    public PortalInbox(NotificationServiceCalls notificationService) {
        this.notificationService = notificationService;
    }

    /** The newest notifications (at most {@code size}), or empty when notification-service cannot answer now. */
    public Optional<List<Item>> newest(String accessToken, int size) {
        return notificationService.get(accessToken, "/api/notifications?size=" + size, Item[].class).map(List::of);
    }

    /** Marks one read; false when notification-service did not do it. */
    public boolean markRead(String accessToken, String id) {
        return notificationService.send(accessToken, "POST", "/api/notifications/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/read")
                / 100 == 2;
    }
}
