package org.qingdan.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;

/** The issuer's metadata is fetched on the first request, and a first failure is tried again, not answered as a 500. */
class LazyIssuerTest {

    @Test
    void an_issuer_that_fails_once_is_asked_again_and_a_dead_one_fails_the_request_only() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger failing = new AtomicInteger(1);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/qingdan";
        server.createContext("/realms/qingdan/.well-known/openid-configuration", exchange -> {
            asked.incrementAndGet();
            boolean fail = failing.getAndDecrement() > 0;
            byte[] body = fail ? new byte[0] : ("{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/certs\","
                    + "\"subject_types_supported\":[\"public\"]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(fail ? 503 : 200, fail ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            SecurityProperties properties = new SecurityProperties();
            JwtDecoder decoder = new ResourceServerAutoConfiguration().jwtDecoder(issuer, properties);
            // resolved on the second attempt: the token itself is what is refused now
            assertThatThrownBy(() -> decoder.decode("not-a-token")).isInstanceOf(BadJwtException.class);
            assertThat(asked).hasValue(2);

            failing.set(Integer.MAX_VALUE);
            JwtDecoder dead = new ResourceServerAutoConfiguration().jwtDecoder(issuer, properties);
            assertThatThrownBy(() -> dead.decode("not-a-token")).isInstanceOf(JwtDecoderInitializationException.class);
            assertThat(asked).hasValue(5);
        } finally {
            server.stop(0);
        }
    }
}
