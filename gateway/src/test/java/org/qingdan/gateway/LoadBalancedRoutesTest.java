package org.qingdan.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A route to {@code lb://listing-service} over two instances (the devstack's {@code DEVSTACK_INSTANCES=2}):
 * requests go to both; once one stops answering its health, within the health-check interval, every request
 * goes to the other, POSTs included (no 503 for the whole service).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoadBalancedRoutesTest {

    static final HttpServer FIRST = start("listing-1");
    static final HttpServer SECOND = start("listing-2");

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        Backends.SERVERS.keySet().forEach(key -> registry.add("qingdan.services." + key, () -> Backends.uri(key)));
        registry.add("qingdan.services.listing", () -> "lb://listing-service");
        registry.add("spring.cloud.discovery.client.simple.instances.listing-service[0].uri", () -> uri(FIRST));
        registry.add("spring.cloud.discovery.client.simple.instances.listing-service[1].uri", () -> uri(SECOND));
        // the second names its actuator's port, as the devstack does; the first has its health on its own port
        registry.add("spring.cloud.discovery.client.simple.instances.listing-service[1].metadata.management-port",
                () -> String.valueOf(SECOND.getAddress().getPort()));
        registry.add("spring.cloud.loadbalancer.health-check.interval", () -> "1s");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> RealInfrastructure.oidc().issuerUri());
    }

    @LocalServerPort
    int port;

    @Test
    void both_instances_serve_and_one_that_stops_gets_no_request_after_the_health_interval() {
        HttpApi api = new HttpApi(port);
        String office = HttpApi.token("office", null, null, Roles.OFFICE);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            Map<String, Integer> by = answeredBy(api, office, 10);
            return by.containsKey("listing-1") && by.containsKey("listing-2");
        });

        HttpApi.Response bothUp = api.post("/api/listings/l1/objections", office, Map.of());
        assertThat(bothUp.status()).as("a POST while both are up: " + bothUp.body()).isEqualTo(200);
        SECOND.stop(0);
        // meanwhile GETs reach the first by the route's retry; after a health round, every method does
        assertThat(answeredBy(api, office, 4)).containsOnlyKeys("listing-1");
        try {
            Thread.sleep(2_500);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        Map<String, Integer> after = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            HttpApi.Response r = i % 2 == 0 ? api.get("/api/listings/l1", office) : api.post("/api/listings/l1/objections", office, Map.of());
            after.merge((i % 2 == 0 ? "GET " : "POST ") + (r.status() == 200 ? r.body().substring(0, r.body().indexOf(' ')) : r.status()), 1, Integer::sum);
        }
        assertThat(after).containsOnlyKeys("GET listing-1", "POST listing-1");
    }

    private static Map<String, Integer> answeredBy(HttpApi api, String token, int requests) {
        Map<String, Integer> by = new HashMap<>();
        for (int i = 0; i < requests; i++) {
            HttpApi.Response r = api.get("/api/listings/l1", token);
            if (r.status() == 200) {
                by.merge(r.body().substring(0, r.body().indexOf(' ')), 1, Integer::sum);
            } else {
                by.merge("status " + r.status(), 1, Integer::sum);
            }
        }
        return by;
    }

    private static HttpServer start(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
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

    private static String uri(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
