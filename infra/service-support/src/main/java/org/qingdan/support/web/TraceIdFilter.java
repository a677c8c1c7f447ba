package org.qingdan.support.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the trace id in the {@code X-Trace-Id} response header, so that a user reporting a problem can
 * quote it and the logs of every service show the same id. Runs right after the observation filter that
 * opens the request's span, and before security, so that 401 and 403 carry it too.
 */
public class TraceIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = TraceIds.current();
        if (traceId != null) {
            response.setHeader(TraceIds.HEADER, traceId);
        }
        chain.doFilter(request, response);
    }
}
