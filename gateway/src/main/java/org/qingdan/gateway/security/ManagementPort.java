package org.qingdan.gateway.security;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.stereotype.Component;

/**
 * The port actuator answers on, once its server has started (the management context's event reaches this
 * context too). The security chain serves both servers; this tells their requests apart by the port they
 * arrived on, not by a path, so nothing on the public port can pass for a management request.
 */
@Component
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** Requests that arrived on the management port; none while it shares the public port. */
    public ServerWebExchangeMatcher matcher() {
        return exchange -> {
            var local = exchange.getRequest().getLocalAddress();
            return local != null && port > 0 && local.getPort() == port
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }
}
