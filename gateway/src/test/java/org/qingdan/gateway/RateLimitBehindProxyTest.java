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
 * Behind a load balancer (here: loopback is the trusted proxy) every anonymous client has its own bucket,
 * keyed by the address the balancer appended to X-Forwarded-For, not by the balancer's address; what a
 * client wrote into the header itself changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"qingdan.gateway.rate-limit.anonymous-per-minute=3",
                "spring.cloud.gateway.server.webflux.trusted-proxies=127\\\\.0\\\\.0\\\\.1|0:0:0:0:0:0:0:1"})
class RateLimitBehindProxyTest {

    @DynamicPropertySource
    static void wiring(DynamicPropertyRegistry registry) {
        Backends.SERVERS.keySet().forEach(key -> registry.add("qingdan.services." + key, () -> Backends.uri(key)));
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> RealInfrastructure.oidc().issuerUri());
    }

    @LocalServerPort
    int port;

    private int get(String forwardedFor) {
        return new HttpApi(port).get("/api/public/listings", null, "X-Forwarded-For", forwardedFor).status();
    }

    @Test
    void each_client_behind_the_trusted_proxy_has_its_own_bucket_and_cannot_take_another() {
        for (int i = 0; i < 3; i++) {
            assertThat(get("203.0.113.1")).isEqualTo(200);
        }
        assertThat(get("203.0.113.1")).isEqualTo(429);
        // a different client behind the same balancer is not limited with the first
        assertThat(get("203.0.113.2")).isEqualTo(200);
        // the first cannot escape by writing another address in front: the balancer appended the real one last
        assertThat(get("198.51.100.7, 203.0.113.1")).isEqualTo(429);
        // nor can it hide behind an address of a trusted proxy: the walk goes on to the first untrusted hop
        assertThat(get("203.0.113.1, 127.0.0.1")).isEqualTo(429);
    }
}
