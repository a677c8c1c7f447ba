package org.qingdan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.OidcIssuer;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.gateway.filter.headers.GRPCRequestHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.GRPCResponseHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.env.Environment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway against real HTTP backends and a real OIDC issuer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        Backends.SERVERS.keySet().forEach(key -> registry.add("qingdan.services." + key, () -> Backends.uri(key)));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> RealInfrastructure.oidc().issuerUri());
        registry.add("qingdan.gateway.cors.allowed-origins", () -> "https://www.hbfma.example.cn");
        // the devstack gives every application this; the gateway must start with it (it has no dev clock)
        registry.add("qingdan.dev.clock-control", () -> "true");
    }

    @LocalServerPort
    int port;

    HttpApi api() {
        return new HttpApi(port);
    }

    static String office() {
        return HttpApi.token("office", null, null, Roles.OFFICE);
    }

    @Test
    void every_prefix_reaches_its_service_with_a_token() {
        Map<String, String> routes = Map.of(
                "/api/calls", "application-service", "/api/applications/a1", "application-service",
                "/api/reviews/cases", "review-service", "/review/", "review-service", "/portal/", "application-service",
                "/api/public/listings", "listing-service", "/api/listings/l1", "listing-service",
                "/api/notifications", "notification-service", "/api/webhooks", "notification-service",
                "/api/product-use/counts", "notification-service");
        for (var route : routes.entrySet()) {
            HttpApi.Response response = api().get(route.getKey(), office());
            assertThat(response.status()).as(route.getKey()).isEqualTo(200);
            assertThat(response.body()).as(route.getKey()).startsWith(route.getValue() + " " + route.getKey());
        }
        assertThat(api().get("/api/nowhere", office()).status()).isEqualTo(404);
        // the open calls are public but application-service's; the rest of /api/public stays listing-service's
        HttpApi.Response calls = api().get("/api/public/calls", null);
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.body()).startsWith("application-service /api/public/calls");
        assertThat(api().get("/api/public/callsx", null).body()).startsWith("listing-service ");
    }

    @Test
    void the_public_list_and_the_web_uis_need_no_token_and_the_api_does() {
        assertThat(api().get("/api/public/feed.atom", null).status()).isEqualTo(200);
        // an anonymous read passes no filter of Spring Security (GatewaySecurity.anonymousPublicRead); a token sent
        // along to a public path is still checked, and a bad one refused
        assertThat(api().get("/api/public/feed.atom", "not-a-token").status()).isEqualTo(401);
        assertThat(api().get("/api/public/feed.atom", office()).status()).isEqualTo(200);
        assertThat(api().get("/review/", null).status()).isEqualTo(200);
        // the applicant portal, and its own login endpoints (not review-service's /oauth2/**)
        assertThat(api().get("/portal/", null).body()).startsWith("application-service /portal/");
        assertThat(api().get("/portal/oauth2/authorization/keycloak", null).body())
                .startsWith("application-service /portal/oauth2/authorization/keycloak");
        HttpApi.Response refused = api().get("/api/calls", null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.json().get("type").asString()).isEqualTo("https://qingdan.org/problems/unauthenticated");
    }

    @Test
    void tokens_from_another_issuer_expired_without_our_audience_unsigned_or_hmac_are_refused() throws Exception {
        OidcIssuer oidc = RealInfrastructure.oidc();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(oidc.issuerUri()).subject("x").audience(OidcIssuer.AUDIENCE)
                .expirationTime(new Date(System.currentTimeMillis() + 600_000)).claim("realm_access", Map.of("roles", List.of("admin"))).build();
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hmac.sign(new MACSigner("an-hmac-secret-of-at-least-256-bits-length!!"));
        Map<String, String> refused = Map.of(
                "another issuer", oidc.token("other-realm", "office", null, null, List.of(Roles.OFFICE), List.of(OidcIssuer.AUDIENCE), 3600),
                "expired", oidc.token(OidcIssuer.REALM, "office", null, null, List.of(Roles.OFFICE), List.of(OidcIssuer.AUDIENCE), -600),
                "another audience", oidc.token(OidcIssuer.REALM, "office", null, null, List.of(Roles.OFFICE), List.of("account"), 3600),
                "alg none", new PlainJWT(claims).serialize(),
                "HMAC", hmac.serialize());
        refused.forEach((what, token) -> assertThat(api().get("/api/calls", token).status()).as(what).isEqualTo(401));
        Backends.HITS.keySet().forEach(hit -> assertThat(hit).doesNotContain("/api/calls/never"));
    }

    @Test
    void headers_claiming_an_identity_or_organisation_never_reach_a_service() {
        HttpApi.Response echoed = api().get("/api/applications/x", office(), "X-Org-Uscc", "91130100100003962C",
                "X-User-Id", "applicant-a", "X-Roles", "admin", "Remote-User", "admin", "X-Forwarded-User", "admin");
        assertThat(echoed.body()).doesNotContain("x-org-uscc").doesNotContain("x-user-id").doesNotContain("x-roles")
                .doesNotContain("remote-user").doesNotContain("x-forwarded-user").contains("authorization");
    }

    @Test
    void services_learn_the_address_the_browser_used_and_a_client_cannot_choose_it() {
        // the reviewer UI builds its login redirects from these: they must point back at the gateway
        String echoed = api().get("/review/", null).body();
        assertThat(echoed).contains("x-forwarded-host=localhost:" + port).contains("x-forwarded-proto=http")
                .contains("x-forwarded-port=" + port);
        String forged = api().get("/review/", null, "X-Forwarded-Host", "evil.example", "Forwarded", "host=evil.example").body();
        assertThat(forged).doesNotContain("evil.example").contains("x-forwarded-host=localhost:" + port);
    }

    @Test
    void security_headers_and_the_trace_id_are_on_every_response_errors_included() {
        for (HttpApi.Response r : List.of(api().get("/api/public/listings", null), api().get("/api/calls", null),
                api().get("/api/nowhere", office()))) {
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("Strict-Transport-Security").orElseThrow()).contains("max-age=");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
            assertThat(r.headers().firstValue("X-Trace-Id").orElseThrow()).matches("[0-9a-f]{16,32}");
        }
        // the trace goes on to the service
        HttpApi.Response routed = api().get("/api/public/listings", null);
        // a public read's caching is the service's to say: the gateway neither drops it nor adds no-store
        assertThat(routed.headers().allValues("Cache-Control")).containsExactly("max-age=60, public, stale-while-revalidate=300");
        assertThat(api().get("/api/calls", null).headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(routed.body()).contains("traceparent=00-" + routed.headers().firstValue("X-Trace-Id").orElseThrow());
        // a client's own trace headers: its trace is continued, but the service hears of the gateway's span, and
        // nothing else the client wrote into the propagation headers
        String clientSpan = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpApi.Response continued = api().get("/api/public/listings", null, "traceparent", clientSpan, "tracestate", "forged=1");
        assertThat(continued.headers().firstValue("X-Trace-Id")).contains("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(continued.body()).contains("traceparent=00-4bf92f3577b34da6a3ce929d0e0e4736-")
                .doesNotContain("00f067aa0ba902b7").doesNotContain("forged=1");
    }

    @Test
    void a_failing_service_answers_through_the_circuit_breaker_with_a_problem() {
        HttpApi.Response broken = api().get("/api/listings/broken", office());
        assertThat(broken.status()).isEqualTo(503);
        assertThat(broken.json().get("type").asString()).endsWith("/service-unavailable");
        assertThat(broken.headers().firstValue("Retry-After")).isPresent();
        // a browser opening a page gets a page to read, not JSON
        HttpApi.Response page = api().get("/api/listings/broken", office(), "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(page.status()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("服务暂不可用", "Service unavailable", "/review/");
        // from the applicant portal's service, back to the portal
        HttpApi.Response portal = api().get("/api/applications/broken", office(), "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(portal.status()).isEqualTo(503);
        assertThat(portal.body()).contains("服务暂不可用", "/portal/", "返回申报门户首页");
    }

    @Test
    void many_slow_requests_at_once_all_reach_the_service() {
        // 40 at once, each answered after 2 s: no bulkhead of 25 (Spring Cloud CircuitBreaker's unasked-for default)
        // turns the rest into 503s; the rate limiter and the service's own limits say when there are too many
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = IntStream.range(0, 40)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/listings/" + i + "/slow"))
                        .header("Authorization", "Bearer " + office()).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()))
                .toList();
        assertThat(answers.stream().map(a -> a.join().statusCode()).toList()).containsOnly(200).hasSize(40);
    }

    @Test
    void only_idempotent_requests_are_retried() {
        api().get("/api/applications/get/flaky", office());
        api().post("/api/applications/post/flaky", office(), "{}");
        assertThat(Backends.HITS.get("GET /api/applications/get/flaky")).hasValue(3);
        assertThat(Backends.HITS.get("POST /api/applications/post/flaky")).hasValue(1);
    }

    @Test
    void the_website_origin_may_call_from_a_browser_and_others_may_not() {
        HttpApi.Response allowed = api().options("/api/public/listings", "https://www.hbfma.example.cn");
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("https://www.hbfma.example.cn");
        HttpApi.Response other = api().options("/api/public/listings", "https://evil.example.com");
        assertThat(other.status()).isEqualTo(403);
    }

    @Test
    void metrics_info_and_the_api_documents_are_not_reachable_through_the_gateway() {
        List<String> internals = List.of("/actuator/prometheus", "/actuator/info", "/actuator/env", "/actuator",
                "/v3/api-docs", "/v3/api-docs/review-service", "/v3/api-docs/listing-service",
                "/v3/gateway-api-docs/swagger-config", "/swagger-ui.html", "/swagger-ui/index.html", "/webjars/swagger-ui/index.html");
        for (String path : internals) {
            HttpApi.Response anonymous = api().get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.body()).as(path).doesNotContain("jvm_", "openapi", "swagger");
            // a signed-in user finds nothing there either: no route, and actuator is not on this port
            assertThat(api().get(path, office()).status()).as(path).isIn(403, 404);
        }
        assertThat(Backends.HITS.keySet()).noneMatch(k -> k.contains("/v3/api-docs") || k.contains("/actuator"));
    }

    @Test
    void a_request_larger_than_the_limit_is_refused_before_it_reaches_a_service() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/applications/big/attachments"))
                .header("Authorization", "Bearer " + office())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(new byte[26 * 1024 * 1024])).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(Backends.HITS).doesNotContainKey("POST /api/applications/big/attachments");
    }

    @LocalManagementPort
    int managementPort;

    @Test
    void health_info_and_metrics_answer_on_the_management_port_with_the_application_tag() {
        assertThat(managementPort).isNotEqualTo(port);
        HttpApi management = new HttpApi(managementPort);
        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness", null).body()).contains("UP");
        assertThat(management.get("/actuator/info", null).body()).contains("gateway");
        assertThat(management.get("/actuator/prometheus", null).body()).contains("application=\"gateway\"");
        // the management port serves actuator and nothing else: no route, whatever the path
        assertThat(management.get("/api/public/management-probe", null).status()).isIn(401, 403);
        assertThat(management.get("/api/calls", office()).status()).isEqualTo(403);
        assertThat(Backends.HITS).doesNotContainKey("GET /api/public/management-probe");
    }

    @Autowired
    List<HttpHeadersFilter> headersFilters;
    @Autowired
    Environment environment;

    @Test
    void no_grpc_header_filter_copies_each_request_and_idle_connections_go_before_a_service_closes_them() {
        // server.http2.enabled: false, else Spring Cloud Gateway copies every request's headers to look for gRPC
        assertThat(headersFilters).isNotEmpty()
                .noneMatch(f -> f instanceof GRPCRequestHeadersFilter || f instanceof GRPCResponseHeadersFilter);
        // the services' keep-alive timeout is in SupportDefaults, which the gateway's environment has too
        Duration gatewayIdle = environment.getRequiredProperty("spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time", Duration.class);
        Duration serviceKeepAlive = environment.getRequiredProperty("server.tomcat.keep-alive-timeout", Duration.class);
        assertThat(gatewayIdle).isPositive().isLessThan(serviceKeepAlive);
    }
}
