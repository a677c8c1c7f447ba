package org.qingdan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each path prefix reaches its service; the gateway reports health and metrics. Backends are real HTTP servers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final Map<String, HttpServer> BACKENDS = Map.of(
            "application", backend("application-service"),
            "review", backend("review-service"),
            "listing", backend("listing-service"),
            "notification", backend("notification-service"));

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private static HttpServer backend(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        BACKENDS.forEach((name, server) -> registry.add("qingdan.services." + name,
                () -> "http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.values().forEach(s -> s.stop(0));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_prefix_reaches_its_service() throws Exception {
        Map<String, String> routes = Map.of(
                "/api/calls", "application-service",
                "/api/applications/a1", "application-service",
                "/api/reviews/cases", "review-service",
                "/review/", "review-service",
                "/api/public/listings", "listing-service",
                "/api/listings/l1", "listing-service",
                "/api/notifications", "notification-service",
                "/api/webhooks", "notification-service");
        for (var route : routes.entrySet()) {
            HttpResponse<String> response = get(route.getKey());
            assertThat(response.statusCode()).as(route.getKey()).isEqualTo(200);
            assertThat(response.body()).as(route.getKey()).isEqualTo(route.getValue() + " " + route.getKey());
        }
    }

    @Test
    void unknown_paths_are_not_routed() throws Exception {
        assertThat(get("/api/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void health_and_metrics_are_exposed_with_the_application_tag() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"gateway\"");
    }
}
