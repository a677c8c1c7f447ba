package org.qingdan.gateway.edge;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The trace id of the request in the {@code X-Trace-Id} response header. The gateway passes the trace on
 * to the services (W3C traceparent), so the id a user quotes finds the log lines of every hop.
 */
@Component
public class TraceIdHeader implements WebFilter, Ordered {

    private final ObjectProvider<Tracer> tracer;

    public TraceIdHeader(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            traceId(exchange).ifPresent(id -> exchange.getResponse().getHeaders().set("X-Trace-Id", id));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    private java.util.Optional<String> traceId(ServerWebExchange exchange) {
        var observed = ServerRequestObservationContext.findCurrent(exchange.getAttributes());
        if (observed.isPresent()) {
            io.micrometer.tracing.handler.TracingObservationHandler.TracingContext tracing =
                    observed.get().get(io.micrometer.tracing.handler.TracingObservationHandler.TracingContext.class);
            if (tracing != null && tracing.getSpan() != null) {
                return java.util.Optional.of(tracing.getSpan().context().traceId());
            }
        }
        Tracer t = tracer.getIfAvailable();
        return t == null || t.currentSpan() == null ? java.util.Optional.empty() : java.util.Optional.of(t.currentSpan().context().traceId());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
