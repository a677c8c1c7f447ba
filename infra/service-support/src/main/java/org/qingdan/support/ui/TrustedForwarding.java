package org.qingdan.support.ui;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind the gateway the browser's host and scheme arrive in {@code Forwarded} / {@code X-Forwarded-*}, and a web UI's
 * login redirects must go back there. Those headers are believed only from the gateway: a request whose peer address
 * matches the service's trusted-proxies regex (loopback by default, as in the devstack; compose and Kubernetes set
 * {@code GATEWAY_ADDRESSES}) is read through Spring's {@link ForwardedHeaderFilter}; from anyone else the same headers are
 * removed before anything reads them, so a caller reaching the service's port directly cannot choose where a login
 * redirect points. (Replaces {@code server.forward-headers-strategy: framework}, which believed everyone.) Used by the
 * reviewer UI (review-service) and the applicant portal (application-service).
 */
public final class TrustedForwarding {

    /** The filter, first of all, for a service's {@code @Bean}. */
    public static FilterRegistrationBean<OncePerRequestFilter> registration(String trustedProxies) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter(Pattern.compile(trustedProxies)));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setAsyncSupported(true);
        return registration;
    }

    static OncePerRequestFilter filter(Pattern trusted) {
        ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
        ForwardedHeaderFilter remove = new ForwardedHeaderFilter();
        remove.setRemoveOnly(true);
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ForwardedHeaderFilter delegate = trusted.matcher(request.getRemoteAddr()).matches() ? apply : remove;
                delegate.doFilter(request, response, chain);
            }

            @Override
            protected boolean shouldNotFilterAsyncDispatch() {
                return false;
            }

            @Override
            protected boolean shouldNotFilterErrorDispatch() {
                return false;
            }
        };
    }

    private TrustedForwarding() {
    }
}
