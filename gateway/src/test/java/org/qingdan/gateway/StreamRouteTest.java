package org.qingdan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The public event stream has a route of its own, without breaker or time limiter: with the limiter cut to
 * one second, a stream whose first event comes after two seconds is answered, while an equally slow ordinary request under
 * /api/public times out into the breaker's fallback; and an open breaker does not take the stream down.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "resilience4j.timelimiter.configs.default.timeout-duration=1s")
class StreamRouteTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        Backends.SERVERS.keySet().forEach(key -> registry.add("qingdan.services." + key, () -> Backends.uri(key)));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> RealInfrastructure.oidc().issuerUri());
    }

    @LocalServerPort
    int port;

    @Test
    void a_long_stream_is_neither_cut_by_the_time_limiter_nor_counted_by_the_breaker() {
        HttpApi api = new HttpApi(port);
        HttpApi.Response stream = api.get("/api/public/stream", null);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(stream.body()).contains("data: first");

        HttpApi.Response slow = api.get("/api/public/slow", null);
        assertThat(slow.status()).isEqualTo(503);
        assertThat(slow.json().get("type").asString()).endsWith("/service-unavailable");
    }

    @Test
    void the_stream_stays_up_while_the_public_lists_breaker_is_open() {
        HttpApi api = new HttpApi(port);
        // a failing backend opens the listing route's breaker (10 calls, half of them failed)
        for (int i = 0; i < 30 && api.get("/api/public/listings", null).status() != 503; i++) {
            api.get("/api/public/broken", null);
        }
        assertThat(api.get("/api/public/listings", null).status()).as("breaker open").isEqualTo(503);
        assertThat(api.get("/api/public/stream", null).status()).isEqualTo(200);
    }
}
