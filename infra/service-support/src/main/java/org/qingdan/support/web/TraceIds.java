package org.qingdan.support.web;

import org.slf4j.MDC;

/** The current trace id, as Micrometer Tracing put it into the logging context. */
public final class TraceIds {

    public static final String HEADER = "X-Trace-Id";

    public static String current() {
        return MDC.get("traceId");
    }

    private TraceIds() {
    }
}
