package org.qingdan.application.portal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

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

    private final String notificationService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("notification-service");
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public PortalInbox(@Value("${qingdan.services.notification:http://localhost:8084}") String notificationService) {
        this.notificationService = notificationService;
    }

    /** The newest notifications (at most {@code size}), or empty when notification-service cannot answer now. */
    public Optional<List<Item>> newest(String accessToken, int size) {
        try {
            HttpResponse<String> answer = breaker.executeCheckedSupplier(() -> http.send(HttpRequest.newBuilder(
                            URI.create(notificationService + "/api/notifications?size=" + size)).timeout(Duration.ofSeconds(5))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).header(HttpHeaders.ACCEPT, "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(List.of(json.readValue(answer.body(), Item[].class)));
        } catch (Throwable unavailable) {
            return Optional.empty();
        }
    }

    /** Marks one read; false when notification-service did not do it. */
    public boolean markRead(String accessToken, String id) {
        try {
            HttpResponse<Void> answer = breaker.executeCheckedSupplier(() -> http.send(HttpRequest.newBuilder(URI.create(notificationService
                            + "/api/notifications/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/read")).timeout(Duration.ofSeconds(5))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding()));
            return answer.statusCode() / 100 == 2;
        } catch (Throwable unavailable) {
            return false;
        }
    }
}
