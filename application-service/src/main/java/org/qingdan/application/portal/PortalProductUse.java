package org.qingdan.application.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 我行在用 in the portal: the products on the list, which of them the user's organisation runs in production, marking
 * and unmarking. notification-service keeps the marks (its {@code /api/product-use}); this service keeps no copy.
 */
@Component
public class PortalProductUse {

    /** A product on the list and whether the organisation marks it. */
    public record Choice(String listingId, String productName, boolean inUse) {
    }

    /** One of the organisation's marks; {@code endedAt}: the product left the list, the mark is history. */
    public record Mark(String listingId, String productName, Instant markedAt, String markedBy, Instant endedAt) {
    }

    private final NotificationServiceCalls notificationService;

    public PortalProductUse(NotificationServiceCalls notificationService) {
        this.notificationService = notificationService;
    }

    public Optional<List<Choice>> listed(String accessToken, int page, int size) {
        return notificationService.get(accessToken, "/api/product-use/listed?page=" + page + "&size=" + size, Choice[].class).map(List::of);
    }

    public Optional<List<Mark>> mine(String accessToken, int size) {
        return notificationService.get(accessToken, "/api/product-use/mine?size=" + size, Mark[].class).map(List::of);
    }

    /** Marks ({@code inUse}) or unmarks the product; the status notification-service answered, -1 when it did not. */
    public int set(String accessToken, String listingId, boolean inUse) {
        return notificationService.send(accessToken, inUse ? "PUT" : "DELETE",
                "/api/product-use/mine/" + URLEncoder.encode(listingId, StandardCharsets.UTF_8));
    }
}
