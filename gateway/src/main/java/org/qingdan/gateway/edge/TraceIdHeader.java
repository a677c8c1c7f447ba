package org.qingdan.gateway.edge;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The trace id of the request in the {@code X-Trace-Id} response header. The gateway passes the trace on
 * to the services ({@link ServiceRequestHeaders}), so the id a user quotes finds the log lines of every hop.
 */
@Component
public class TraceIdHeader implements WebFilter, Ordered {

    /** Null without tracing; resolved once, not per request. */
    private final Tracer tracer;

    public TraceIdHeader(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer.getIfAvailable();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            traceId(exchange).ifPresent(id -> exchange.getResponse().getHeaders().set("X-Trace-Id", id));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private Optional<String> traceId(ServerWebExchange exchange) {
        Optional<Span> span = ServerSpan.of(exchange);
        if (span.isPresent()) {
            return Optional.of(span.get().context().traceId());
        }
        Span current = tracer == null ? null : tracer.currentSpan();
        return current == null ? Optional.empty() : Optional.of(current.context().traceId());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
