package org.qingdan.application.portal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's calls to notification-service (the inbox, 我行在用), each with the signed-in user's own access token, so
 * notification-service applies the user's own rights. Why the server calls for the page rather than the page itself:
 * see {@link PortalInbox}. One circuit breaker and short timeouts: when notification-service does not answer, its
 * parts of the portal say so and everything else works.
 */
@Component
public class NotificationServiceCalls {

    private final String notificationService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("notification-service");
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public NotificationServiceCalls(@Value("${qingdan.services.notification:http://localhost:8084}") String notificationService) {
        this.notificationService = notificationService;
    }

    /** GET {@code path} as JSON read into {@code type}; empty unless answered 200. */
    public <T> Optional<T> get(String accessToken, String path, Class<T> type) {
        try {
            HttpResponse<String> answer = breaker.executeCheckedSupplier(() -> http.send(request(accessToken, path)
                    .header(HttpHeaders.ACCEPT, "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
            return answer.statusCode() == 200 ? Optional.of(json.readValue(answer.body(), type)) : Optional.empty();
        } catch (Throwable unavailable) {
            return Optional.empty();
        }
    }

    /** A command without a body ({@code POST}, {@code PUT}, {@code DELETE}); its status, or -1 when not answered. */
    public int send(String accessToken, String method, String path) {
        try {
            return breaker.executeCheckedSupplier(() -> http.send(request(accessToken, path).method(method, HttpRequest.BodyPublishers.noBody())
                    .build(), HttpResponse.BodyHandlers.discarding())).statusCode();
        } catch (Throwable unavailable) {
            return -1;
        }
    }

    private HttpRequest.Builder request(String accessToken, String path) {
        return HttpRequest.newBuilder(URI.create(notificationService + path)).timeout(Duration.ofSeconds(5))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
    }
}
