package org.qingdan.review.ui;

import org.qingdan.support.ui.UiUsers;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.qingdan.review.reviewcase.domain.ReviewedForm;
import org.qingdan.review.reviewcase.ReviewService;
import org.qingdan.review.reviewcase.domain.ReviewCase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Attachments for the browser: the files stay in application-service, which decides who may read them
 * (the expert once review-service has assigned it, learned from ReviewerAssigned). The UI fetches a file
 * with the signed-in user's own access token — the exception to "events, not calls", guarded by a circuit
 * breaker and a timeout — and hands it to the browser as a download that is never sniffed.
 */
@Controller
public class AttachmentProxy {

    private final ReviewService reviews;
    private final String applicationService;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final CircuitBreaker breaker = CircuitBreaker.ofDefaults("application-service");

    public AttachmentProxy(ReviewService reviews, @Value("${qingdan.services.application:http://localhost:8081}") String applicationService) {
        this.reviews = reviews;
        this.applicationService = applicationService;
    }

    @GetMapping("/review/cases/{id}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> download(@AuthenticationPrincipal OidcUser principal, @PathVariable String id,
                                           @PathVariable String attachmentId,
                                           @RegisteredOAuth2AuthorizedClient("keycloak") OAuth2AuthorizedClient client) {
        ReviewCase c = reviews.get(UiUsers.of(principal), id).state();
        ReviewedForm.AttachmentRef ref = c.form().attachments().stream().filter(a -> a.id().equals(attachmentId))
                .findFirst().orElse(null);
        if (ref == null) {
            return ResponseEntity.notFound().build();
        }
        HttpResponse<byte[]> file;
        try {
            file = breaker.executeCheckedSupplier(() -> http.send(HttpRequest.newBuilder(URI.create(applicationService
                            + "/api/applications/" + c.applicationId() + "/attachments/" + attachmentId))
                    .timeout(Duration.ofSeconds(30))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + client.getAccessToken().getTokenValue()).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
        } catch (CallNotPermittedException open) {
            return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "30").build();
        } catch (Throwable unavailable) {
            return ResponseEntity.status(502).build();
        }
        if (file.statusCode() != 200) {
            return ResponseEntity.status(file.statusCode() == 404 ? 404 : 502).build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(ref.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ref.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(file.body());
    }
}
