package org.qingdan.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class ServiceRequestHeadersTest {

    @Test
    void headers_claiming_an_identity_are_left_out_in_any_case_and_the_rest_goes_on() {
        for (String claiming : new String[] {"X-User-Id", "x-org-uscc", "X-ROLES", "X-Role", "X-Tenant", "X-Auth-Request-User",
                "X-Forwarded-User", "X-Remote-User", "Remote-User", "remote-user", "X-Principal-Name", "X-Uscc"}) {
            assertThat(ServiceRequestHeaders.claimsIdentity(claiming)).as(claiming).isTrue();
        }
        for (String plain : new String[] {"Accept", "Authorization", "X-Forwarded-For", "X-Forwarded-Host", "X-Request-Id",
                "Range", "Referer", "X-Trace-Id", "If-None-Match", "Remote-Addr-Hint"}) {
            assertThat(ServiceRequestHeaders.claimsIdentity(plain)).as(plain).isFalse();
        }
        HttpHeaders in = new HttpHeaders();
        in.add("Accept", "application/json");
        in.add("X-Org-Uscc", "91130100100003962C");
        in.add("Remote-User", "admin");
        in.add("X-Forwarded-For", "203.0.113.5");
        in.add("X-Forwarded-For", "198.51.100.1");
        var exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/public/listings"));
        // without tracing (no Propagator) the headers still go through, without the claiming ones
        HttpHeaders out = new ServiceRequestHeaders(new StaticListableBeanFactory().getBeanProvider(
                io.micrometer.tracing.propagation.Propagator.class)).filter(in, exchange);
        assertThat(out.headerNames()).containsExactlyInAnyOrder("Accept", "X-Forwarded-For");
        assertThat(out.get("X-Forwarded-For")).containsExactly("203.0.113.5", "198.51.100.1");
    }
}
