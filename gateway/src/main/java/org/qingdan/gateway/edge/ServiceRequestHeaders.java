package org.qingdan.gateway.edge;

import io.micrometer.tracing.propagation.Propagator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway changes in the headers of a request it sends on to a service, beside Spring Cloud Gateway's
 * own header filters (hop-by-hop headers, X-Forwarded-*):
 * <ul>
 * <li>Every header a client could use to claim an identity, a role or an organisation is left out: who someone is
 * comes from the verified token and nothing else.</li>
 * <li>The request's trace goes on (W3C {@code traceparent}), so that the id a user quotes ({@code X-Trace-Id})
 * finds the log lines of every hop. The service's span is a child of the gateway's server span; the propagation
 * headers a client sent are replaced, not passed on beside it.</li>
 * </ul>
 * Why one filter that copies the headers once: the gateway's per-request CPU went on copying and walking
 * headers (issue #20). The trace used to be carried by the gateway's observability
 * ({@code spring.cloud.gateway.server.webflux.observability}, off in application.yml), which opened a second
 * observation per request, a client span with its own timer, only to write this header; the identity headers
 * were taken out by a filter of their own that walked the headers again.
 */
@Component
public class ServiceRequestHeaders implements HttpHeadersFilter {

    static final Pattern CLAIMING = Pattern.compile(
            "^(x-user.*|x-org.*|x-roles?|x-tenant.*|x-auth.*|x-forwarded-user|x-remote-user|remote-user|x-principal.*|x-uscc)$");

    /** Null without tracing. Resolved once: looking it up per request cost 3 % of the gateway's CPU. */
    private final Propagator propagator;
    /** The headers the propagator writes (traceparent, tracestate, …): a client's own are not passed on. */
    private final Set<String> propagationFields = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    public ServiceRequestHeaders(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable();
        if (this.propagator != null) {
            propagationFields.addAll(this.propagator.fields());
        }
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders out = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!claimsIdentity(name) && !propagationFields.contains(name)) {
                out.addAll(name, values);
            }
        });
        if (propagator != null) {
            ServerSpan.of(exchange).ifPresent(span -> propagator.inject(span.context(), out, HttpHeaders::set));
        }
        return out;
    }

    static boolean claimsIdentity(String name) {
        // every claiming name starts with x- or remote-: the pattern runs only for those
        char first = Character.toLowerCase(name.charAt(0));
        return (first == 'x' || first == 'r') && CLAIMING.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
