package org.qingdan.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.qingdan.testsupport.HttpApi;
import org.qingdan.testsupport.RealInfrastructure;
import org.qingdan.support.security.Roles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qingdan.gateway.rate-limit.anonymous-per-minute=5", "qingdan.gateway.rate-limit.principal-per-minute=8"})
class RateLimitTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        Backends.SERVERS.keySet().forEach(key -> registry.add("qingdan.services." + key, () -> Backends.uri(key)));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> RealInfrastructure.oidc().issuerUri());
    }

    @LocalServerPort
    int port;

    @Test
    void anonymous_clients_by_address_and_users_by_principal_get_429_with_retry_after() {
        HttpApi api = new HttpApi(port);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/public/listings", null).status()).isEqualTo(200);
        }
        HttpApi.Response limited = api.get("/api/public/listings", null);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.json().get("type").asString()).endsWith("/rate-limited");
        // no proxy is trusted here: a client naming another address in X-Forwarded-For is still itself
        assertThat(api.get("/api/public/listings", null, "X-Forwarded-For", "203.0.113.9").status()).isEqualTo(429);
        assertThat(api.get("/api/public/listings", null, "X-Forwarded-For", "198.51.100.1, 203.0.113.10").status()).isEqualTo(429);

        // a signed-in user has a bucket of its own, from the same address
        String user = HttpApi.token("applicant-a", "91130100100003962C", "甲银行", Roles.APPLICANT);
        String other = HttpApi.token("applicant-b", "911301027356003226", "乙银行", Roles.APPLICANT);
        for (int i = 0; i < 8; i++) {
            assertThat(api.get("/api/applications", user).status()).isEqualTo(200);
        }
        assertThat(api.get("/api/applications", user).status()).isEqualTo(429);
        assertThat(api.get("/api/applications", other).status()).isEqualTo(200);
    }
}
