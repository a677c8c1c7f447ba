package org.qingdan.listing.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The service boots on the real broker, wire server and issuer, reports health, info and metrics, and guards its API. */
class ServiceBootsTest extends ListingIntegrationTest {

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
        assertThat(get(managementPort, "/actuator/info").body()).contains("listing-service");
        assertThat(get(managementPort, "/actuator/prometheus").body()).contains("application=\"listing-service\"");
        assertThat(get("/actuator/prometheus").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/info").statusCode()).isEqualTo(401);
        // the public API's liveness probe, for the website (and the benchmark's hello world)
        HttpResponse<String> ping = get("/api/public/ping");
        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void one_keep_alive_connection_serves_more_than_tomcats_default_hundred_requests() throws Exception {
        // the gateway's pooled connections stay open (SupportDefaults: server.tomcat.max-keep-alive-requests); with
        // Tomcat's default the 100th response says Connection: close and the gateway builds a new connection
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            for (int i = 1; i <= 150; i++) {
                out.write("GET /api/public/ping HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                assertThat(in.readLine()).as("status line of request %d", i).startsWith("HTTP/1.1 200");
                int length = -1;
                for (String header = in.readLine(); !header.isEmpty(); header = in.readLine()) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    assertThat(lower).as("response %d", i).isNotEqualTo("connection: close");
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(lower.substring("content-length:".length()).trim());
                    }
                }
                assertThat(length).as("response %d has a length", i).isPositive();
                assertThat(in.skip(length)).isEqualTo(length);
            }
        }
    }

    @Test
    void the_api_needs_a_token() throws Exception {
        for (String path : List.of("/api/listings")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
    }
}
