package org.qingdan.gateway.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Token buckets per principal (signed in) and per client (anonymous): each allows a burst of one minute's
 * quota and refills continuously. Beyond it: 429 with Retry-After. An anonymous client is its address as
 * {@link ClientAddress} resolves it, from trusted forwarding only (behind a load balancer, the client's, not
 * the balancer's; never what a client claims), an IPv6 client its /64.
 * <p>
 * The buckets live in a Caffeine cache that forgets a bucket after a minute without requests (by then it
 * would be full again, so forgetting it changes nothing) and holds at most {@code max-clients} of them, so
 * the map never grows with the number of addresses ever seen. It is per gateway instance: with several
 * instances behind a balancer each enforces its share, which bounds abuse without a shared store.
 */
@Component
public class RateLimiting implements WebFilter, Ordered {

    /** A bucket refills in one minute: idle longer, it is full, the same as a new one. */
    static final Duration IDLE = Duration.ofMinutes(1);

    private final Cache<String, Bucket> buckets;
    private final int anonymousPerMinute;
    private final int principalPerMinute;
    private final ClientAddress clients;
    private final Ticker ticker;

    @Autowired
    public RateLimiting(@Value("${qingdan.gateway.rate-limit.anonymous-per-minute:600}") int anonymousPerMinute,
                        @Value("${qingdan.gateway.rate-limit.principal-per-minute:1200}") int principalPerMinute,
                        @Value("${qingdan.gateway.rate-limit.max-clients:100000}") long maxClients,
                        ClientAddress clients) {
        this(anonymousPerMinute, principalPerMinute, maxClients, clients, Ticker.systemTicker());
    }

    RateLimiting(int anonymousPerMinute, int principalPerMinute, long maxClients, ClientAddress clients, Ticker ticker) {
        this.anonymousPerMinute = anonymousPerMinute;
        this.principalPerMinute = principalPerMinute;
        this.clients = clients;
        this.ticker = ticker;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(IDLE).maximumSize(maxClients).ticker(ticker).build();
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
                    String key = anonymous ? "ip:" + ClientAddress.rateKey(clients.of(exchange.getRequest())) : principal;
                    long waitMillis = take(key, anonymous ? anonymousPerMinute : principalPerMinute);
                    if (waitMillis > 0) {
                        long seconds = Math.max(1, (waitMillis + 999) / 1000);
                        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(seconds));
                        return ProblemResponses.write(exchange.getResponse(), 429, "rate-limited", "请求过于频繁",
                                "请求过于频繁，请 " + seconds + " 秒后再试");
                    }
                    return chain.filter(exchange);
                });
    }

    /** Takes one token of the key's bucket: how long to wait, 0 if allowed. */
    long take(String key, int quota) {
        long now = ticker.read() / 1_000_000;
        return buckets.get(key, k -> new Bucket(quota, now)).take(now);
    }

    /** Buckets held now (after the cache's pending clean-up). */
    long buckets() {
        buckets.cleanUp();
        return buckets.estimatedSize();
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
