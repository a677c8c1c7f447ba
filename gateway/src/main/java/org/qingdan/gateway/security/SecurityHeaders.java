package org.qingdan.gateway.security;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Security headers on every response, errors included, whatever answered (the gateway, a service, a
 * fallback): CSP with frame-ancestors, HSTS, nosniff, Referrer-Policy. A service's own CSP (the
 * reviewer UI's) is kept.
 */
@Component
public class SecurityHeaders implements WebFilter, Ordered {

    public static final String CSP = "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders h = exchange.getResponse().getHeaders();
            if (!h.containsHeader("Content-Security-Policy")) {
                h.set("Content-Security-Policy", CSP);
            }
            h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            h.set("X-Content-Type-Options", "nosniff");
            if (!h.containsHeader("Referrer-Policy")) {
                h.set("Referrer-Policy", "strict-origin-when-cross-origin");
            }
            if (!h.containsHeader("X-Frame-Options")) {
                h.set("X-Frame-Options", "DENY");
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
