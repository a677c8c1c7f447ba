package org.qingdan.support.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;

/**
 * Carries a trace across the outbox: the W3C {@code traceparent} of the request that raised an event is
 * stored with it, and the relay publishes the event inside that trace, so one trace id runs from the
 * HTTP request through the broker into every consumer's log lines.
 */
public interface TracingScopes {

    TracingScopes NONE = new TracingScopes() {
        @Override
        public String currentTraceparent() {
            return null;
        }

        @Override
        public AutoCloseable continueTrace(String traceparent) {
            return () -> { };
        }
    };

    /** The current request's trace context as a W3C traceparent, or null outside a trace. */
    String currentTraceparent();

    /** Makes the given trace current until the returned scope is closed; a no-op for null. */
    AutoCloseable continueTrace(String traceparent);

    static TracingScopes micrometer(Tracer tracer) {
        return new TracingScopes() {
            @Override
            public String currentTraceparent() {
                Span span = tracer.currentSpan();
                if (span == null) {
                    return null;
                }
                TraceContext c = span.context();
                return "00-" + c.traceId() + "-" + c.spanId() + "-" + (Boolean.TRUE.equals(c.sampled()) ? "01" : "00");
            }

            @Override
            public AutoCloseable continueTrace(String traceparent) {
                if (traceparent == null) {
                    return () -> { };
                }
                String[] parts = traceparent.split("-");
                if (parts.length != 4) {
                    return () -> { };
                }
                TraceContext parent = tracer.traceContextBuilder()
                        .traceId(parts[1]).spanId(parts[2]).sampled("01".equals(parts[3])).build();
                Tracer.SpanInScope scope = tracer.withSpan(tracer.spanBuilder().setParent(parent).name("outbox publish").start());
                return scope::close;
            }
        };
    }
}
