package org.qingdan.gateway.edge;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;
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
        Span span = span(exchange, tracer);
        return span == null ? java.util.Optional.empty() : java.util.Optional.of(span.context().traceId());
    }

    /** The span of the exchange's server request observation, else the current one; null without tracing. */
    static Span span(ServerWebExchange exchange, ObjectProvider<Tracer> tracer) {
        var observed = ServerRequestObservationContext.findCurrent(exchange.getAttributes());
        if (observed.isPresent()) {
            TracingObservationHandler.TracingContext tracing = observed.get().get(TracingObservationHandler.TracingContext.class);
            if (tracing != null && tracing.getSpan() != null) {
                return tracing.getSpan();
            }
        }
        Tracer t = tracer.getIfAvailable();
        return t == null ? null : t.currentSpan();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
