package org.qingdan.gateway.edge;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets per principal (signed in) and per client address (anonymous): each allows a burst of
 * one minute's quota and refills continuously. Beyond it: 429 with Retry-After. Kept in memory: with
 * several gateway instances each enforces its share, which bounds abuse without a shared store.
 */
@Component
public class RateLimiting implements WebFilter, Ordered {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int anonymousPerMinute;
    private final int principalPerMinute;
    private final Clock clock;

    public RateLimiting(@Value("${qingdan.gateway.rate-limit.anonymous-per-minute:600}") int anonymousPerMinute,
                        @Value("${qingdan.gateway.rate-limit.principal-per-minute:1200}") int principalPerMinute) {
        this.anonymousPerMinute = anonymousPerMinute;
        this.principalPerMinute = principalPerMinute;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getPath().value().startsWith("/actuator/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(c -> c.getAuthentication() == null || !c.getAuthentication().isAuthenticated()
                        ? "" : "user:" + c.getAuthentication().getName())
                .defaultIfEmpty("")
                .flatMap(principal -> {
                    boolean anonymous = principal.isEmpty();
                    String key = anonymous ? "ip:" + clientAddress(exchange) : principal;
                    int quota = anonymous ? anonymousPerMinute : principalPerMinute;
                    long waitMillis = buckets.computeIfAbsent(key, k -> new Bucket(quota, clock.millis())).take(clock.millis());
                    if (waitMillis > 0) {
                        long seconds = Math.max(1, (waitMillis + 999) / 1000);
                        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                        return ProblemResponses.write(exchange.getResponse(), 429, "rate-limited", "请求过于频繁",
                                "请求过于频繁，请 " + seconds + " 秒后再试");
                    }
                    return chain.filter(exchange);
                });
    }

    private static String clientAddress(ServerWebExchange exchange) {
        // the socket's address: X-Forwarded-For is only trustworthy behind a proxy we run, which sets it for us
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    /** A token bucket refilled at quota per minute; {@code take} answers how long to wait, 0 if allowed. */
    static final class Bucket {
        private final int capacity;
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized long take(long now) {
            double perMilli = capacity / 60_000.0;
            tokens = Math.min(capacity, tokens + (now - last) * perMilli);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perMilli);
        }
    }

    /** After security (which sets the principal), before routing. */
    @Override
    public int getOrder() {
        return 0;
    }
}
