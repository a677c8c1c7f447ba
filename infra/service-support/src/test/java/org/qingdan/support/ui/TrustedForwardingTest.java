package org.qingdan.support.ui;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Forwarded headers move a login redirect only when they come from the gateway's address. */
class TrustedForwardingTest {

    private final AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

    private HttpServletRequest through(String peer) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/review/");
        request.setRemoteAddr(peer);
        request.setServerName("review-service");
        request.setServerPort(8082);
        request.addHeader("X-Forwarded-Host", "qingdan.example.cn");
        request.addHeader("X-Forwarded-Proto", "https");
        request.addHeader("X-Forwarded-Port", "443");
        request.addHeader("X-Forwarded-For", "198.51.100.7");
        TrustedForwarding.filter(Pattern.compile("127[.][0-9]+[.][0-9]+[.][0-9]+|0:0:0:0:0:0:0:1"))
                .doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));
        return seen.get();
    }

    @Test
    void from_the_gateway_the_forwarded_host_and_scheme_are_the_browsers() throws Exception {
        HttpServletRequest request = through("127.0.0.1");
        assertThat(request.getServerName()).isEqualTo("qingdan.example.cn");
        assertThat(request.getScheme()).isEqualTo("https");
        assertThat(request.getRequestURL().toString()).isEqualTo("https://qingdan.example.cn/review/");
        assertThat(request.getRemoteAddr()).isEqualTo("198.51.100.7");
    }

    @Test
    void from_anyone_else_they_are_dropped_unread() throws Exception {
        HttpServletRequest request = through("203.0.113.5");
        assertThat(request.getServerName()).isEqualTo("review-service");
        assertThat(request.getScheme()).isEqualTo("http");
        assertThat(request.getRequestURL().toString()).isEqualTo("http://review-service:8082/review/");
        assertThat(request.getRemoteAddr()).isEqualTo("203.0.113.5");
        assertThat(request.getHeader("X-Forwarded-Host")).isNull();
        assertThat(request.getHeader("X-Forwarded-For")).isNull();
    }
}
