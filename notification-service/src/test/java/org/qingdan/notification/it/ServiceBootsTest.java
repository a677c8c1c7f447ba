package org.qingdan.notification.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service boots on the real broker, wire server and issuer, reports health, info and metrics, and guards its API. */
class ServiceBootsTest extends NotificationIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return get(port, path);
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_info_and_metrics_are_open_on_the_management_port_only() throws Exception {
        assertThat(get(managementPort, "/actuator/health").body()).contains("\"status\":\"UP\"");
        assertThat(get(managementPort, "/actuator/info").body()).contains("notification-service");
        assertThat(get(managementPort, "/actuator/prometheus").body()).contains("application=\"notification-service\"");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(401);
    }

    @Test
    void the_api_needs_a_token() throws Exception {
        for (String path : List.of("/api/notifications")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }
}
