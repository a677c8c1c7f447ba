package org.qingdan.gateway.edge;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Passes the request's trace on to the service it is routed to (W3C {@code traceparent}, the gateway's server span as
 * the parent), so that the trace id a user quotes ({@code X-Trace-Id}) finds the log lines of every hop.
 *
 * <p>Spring Cloud Gateway's own way to do this is an observation of each call to a service
 * ({@code spring.cloud.gateway.server.webflux.observability.enabled}, off in application.yml): a second observation,
 * span and timer per request (6 % of the gateway's CPU during the benchmark's reads), timing what the gateway's own
 * {@code http.server.requests} (the whole hop) and each service's (its part) already time.
 */
@Component
public class TraceContextForwarding implements HttpHeadersFilter {

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContextForwarding(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        Span span = TraceIdHeader.span(exchange, tracer);
        Propagator propagation = propagator.getIfAvailable();
        if (span == null || propagation == null) {
            return input;
        }
        HttpHeaders headers = HttpHeaders.copyOf(input);
        // replaces a client's own traceparent: the service's parent is the gateway's span, which continues the client's trace
        propagation.inject(span.context(), headers, HttpHeaders::set);
        return headers;
    }
}
